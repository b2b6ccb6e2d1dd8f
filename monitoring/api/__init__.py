"""The read-only JSON API of monitoring (django-ninja), under /api/monitoring/v1/.

It answers with the same access policy as the pages: every queryset starts from
`portal.access`, and an object the user may not see is 404.
"""
