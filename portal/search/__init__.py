"""Search machinery shared by every app: Danish analysis, query parsing, relaxation and ranking.

The apps hand over querysets of Wagtail-indexed models; this package knows nothing of them.
"""
