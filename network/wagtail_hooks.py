"""What the network shows in the portal's shared header."""

from django.template.loader import render_to_string
from wagtail import hooks

from network import notifications, search


@hooks.register("portal_account_links")
def network_links(request):
    """The networks and the notifications, with the unread count (one query)."""
    count = notifications.unread_count(request.user)
    return render_to_string("network/account_links.html", {"unread_notifications": count})


@hooks.register("portal_search_sources")
def search_sources():
    return search.sources()
