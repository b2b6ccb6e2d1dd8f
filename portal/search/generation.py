"""The search generation: bumped whenever the index or the editors' search settings change, it
is part of every cached search result's key, so no cached answer outlives the index it came from."""

from django.core.cache import cache

from portal.cache import bump_generation, fresh_generation

GENERATION_KEY = "portal:search-generation"


def search_generation():
    return cache.get_or_set(GENERATION_KEY, fresh_generation, timeout=None)


def bump_search_generation():
    bump_generation(GENERATION_KEY)
