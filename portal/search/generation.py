"""The search generation: bumped whenever the index or the editors' search settings change, it
is part of every cached search result's key, so no cached answer outlives the index it came from."""

import time

from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "portal:search-generation"


def search_generation():
    return cache.get_or_set(GENERATION_KEY, time.time_ns, timeout=None)


def bump_search_generation():
    _bump()
    # A search made between the change and its commit saw the old index under the new
    # generation: once committed, a further bump sets that answer aside.
    transaction.on_commit(_bump)


def _bump():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)
