"""What the network shows in the portal's shared header."""

import functools

from django.template.loader import render_to_string
from django.utils import translation
from wagtail import hooks

from network import notifications, search


@hooks.register("portal_account_links")
def network_links(request):
    """The networks and the notifications, with the unread count (cached per user)."""
    return _links(translation.get_language(), notifications.unread_count(request.user))


@functools.lru_cache(maxsize=256)
def _links(language, unread_notifications):
    """The links differ only by language and count: rendered once per process for each."""
    return render_to_string(
        "network/account_links.html", {"unread_notifications": unread_notifications}
    )


@hooks.register("portal_search_sources")
def search_sources():
    return search.sources()
