"""Whole-page cache for anonymous readers, invalidated whenever published content changes.

Every cached page is stored under the current *content generation*; publishing, unpublishing,
moving or deleting a page bumps the generation, so the next request renders afresh. Only Wagtail
page responses that mark themselves cacheable are stored, and only for anonymous GET requests.

`generation_memo` keeps, in the process, values that every request shares until the generation
changes (the site, the section pages on the way to a page, the view restrictions).
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from portal.language import chosen_language

GENERATION_KEY = "portal:content-generation"
PAGE_CACHE_SECONDS = 600


# Values per generation and process; a bound keeps odd requests (unknown hosts) from growing it.
MEMO_SIZE = 1000
# {store: (generation, values)}, each pair replaced as a whole: a thread never pairs a
# generation with other values.
_memos = {}
_MISSING = object()


def content_generation(request=None):
    """The current generation; read once per request when the request is given."""
    if request is None:
        return cache.get_or_set(GENERATION_KEY, fresh_generation, timeout=None)
    try:
        return request._portal_content_generation
    except AttributeError:
        request._portal_content_generation = content_generation()
        return request._portal_content_generation


def generation_memo(request, key, compute, keep=None, store=None):
    """compute() once per content generation in this process, then the same value again.

    The generation is read from the shared cache (once per request), so a publication on any
    server makes every process compute afresh. The value is shared by the process's requests:
    it must not be changed by its users. A value for which `keep(value)` is false is computed
    again next time. Values kept per reader go in a `store` of their own, so that many readers
    do not fill the bound of what every request shares.
    """
    generation = content_generation(request)
    memo_generation, values = _memos.get(store, (None, None))
    if memo_generation != generation:
        values = {}
        _memos[store] = (generation, values)
    value = values.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        if len(values) < MEMO_SIZE and (keep is None or keep(value)):
            values[key] = value
    return value


def fresh_generation():
    """A first generation unlike any before it, should the cache have lost the current one:
    processes compare it with the generation of what they keep in memory."""
    return time.time_ns()


def bump_content_generation():
    bump_generation(GENERATION_KEY)


def bump_generation(key):
    """Move the generation kept at `key` now and again when the transaction commits: a request
    served between the change and its commit read the old state under the new generation, and
    the second move sets that aside."""
    _bump(key)
    transaction.on_commit(lambda: _bump(key))


def _bump(key):
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, fresh_generation(), timeout=None)


def mark_cacheable(response):
    response.portal_cacheable = True
    return response


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = cache_key(request)
        if key is None:
            return self.get_response(request)
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if (
            getattr(response, "portal_cacheable", False)
            and response.status_code == 200
            and not response.cookies
            and not request.user.is_authenticated
        ):
            cache.set(key, response, PAGE_CACHE_SECONDS)
        return response


def cache_key(request):
    """The key of a request that may be answered from the cache, or None."""
    if request.method != "GET" or request.GET or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None
    language = chosen_language(request)
    # A digest: any path a client sends makes a short key of safe characters for every backend.
    where = hashlib.blake2b(f"{request.get_host()}{request.path}".encode(), digest_size=16)
    return f"portal:page:{content_generation(request)}:{language}:{where.hexdigest()}"
