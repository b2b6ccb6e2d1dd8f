"""Benchmarks of the portal's pages, run with `make bench`; see docs/performance.md."""
