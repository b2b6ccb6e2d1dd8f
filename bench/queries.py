"""SQL queries per page, counted in-process with Django's test client as an anonymous reader."""

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def count(client, path, warmups=1):
    """Queries of a request after `warmups` that fill per-process caches (menu, content types);
    a freshly logged-in session settles over two."""
    for _ in range(warmups):
        client.get(path)
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")
    return len(context)


def count_all(targets):
    """{label: query count} for (label, path) pairs, starting from an empty cache."""
    cache.clear()
    client = Client()
    return {label: count(client, path) for label, path in targets}
