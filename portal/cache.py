"""Whole-page cache for anonymous readers, invalidated whenever published content changes.

Every cached page is stored under the current *content generation*; publishing, unpublishing,
moving or deleting a page bumps the generation, so the next request renders afresh. Only Wagtail
page responses that mark themselves cacheable are stored, and only for anonymous GET requests.
"""

from django.conf import settings
from django.core.cache import cache

from portal.language import chosen_language

GENERATION_KEY = "portal:content-generation"
PAGE_CACHE_SECONDS = 600


def content_generation():
    return cache.get_or_set(GENERATION_KEY, 1, timeout=None)


def bump_content_generation():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


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
    return f"portal:page:{content_generation()}:{language}:{request.get_host()}:{request.path}"
