"""The site header, rendered once per shape and filled in per request.

Every page has the header, and nearly all of it is the same for everyone: the menus (twice, in
the bar and in the mobile drawer), the translated labels, the icons, the links. It is rendered
once per process and content generation for each *shape* (site, language, signed in or not,
which main-menu item is active or current), with markers where a request's own values go: the
user's name and account menu, the search query, the page's address in the language and log-in
links, and the log-out form's CSRF token. A request joins the kept pieces with its values,
escaped as the template would have escaped them. Nothing of a user is kept here: the account
menu is its own fragment (`portal_tags.account_menu`), keyed by the rights that decide it.

The pieces and their unforgeable markers are `portal.slots`'.
"""

from django.template.backends.utils import csrf_input
from django.template.defaultfilters import urlencode
from django.utils import translation
from django.utils.html import conditional_escape

from portal import routing, slots
from portal.cache import generation_memo
from portal.slots import printable

TEMPLATE = "includes/header.html"


def render(request, menu_items, language_links, account_menu):
    """The header for this request. `menu_items` are the main menu's items with their state,
    `language_links(back)` the language switcher's links back to `back`, `account_menu()` the
    signed-in user's rendered menu items."""
    signed_in = request.user.is_authenticated
    site = routing.site(request)
    shape = (
        "portal:header",
        site.pk if site else None,
        translation.get_language(),
        signed_in,
        tuple((item["active"], item["current"]) for item in menu_items),
    )
    pieces = generation_memo(request, shape, lambda: _pieces(signed_in, menu_items, language_links))
    values = {
        "back": conditional_escape(urlencode(request.get_full_path())),
        "search_query": conditional_escape(printable(request.GET.get("q", ""))),
    }
    if signed_in:
        values.update(
            user_name=conditional_escape(printable(str(request.user))),
            account_items=account_menu(),
            csrf_input=csrf_input(request),
        )
    else:
        values["login_next"] = conditional_escape(urlencode(request.path))
    return slots.fill(pieces, values)


def _pieces(signed_in, menu_items, language_links):
    """The header of this shape, split at its slots."""
    return slots.pieces(
        TEMPLATE,
        lambda slot: {
            "signed_in": signed_in,
            "menu_items": menu_items,
            "languages": language_links(slot("back")),
            "search_query": slot("search_query"),
            "user_name": slot("user_name"),
            "account_items": slot("account_items"),
            "csrf_input": slot("csrf_input"),
            "login_next": slot("login_next"),
        },
    )
