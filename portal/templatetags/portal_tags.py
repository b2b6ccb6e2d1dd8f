import functools
import hashlib

from django import template
from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail import hooks

from portal import access, header, routing
from portal.cache import content_generation as current_content_generation
from portal.cache import generation_memo

register = template.Library()

# The apps above portal register what the shared header and home page show of theirs: each hook
# takes the request and returns rendered HTML, so portal imports none of them.
ACCOUNT_LINKS_HOOK = "portal_account_links"
HOME_PAGE_HOOK = "portal_home_page_sections"
FRAGMENT_SECONDS = 3600
ICON_SPRITE = "dkfds/img/all-svg-icons.svg"


@register.simple_tag
@functools.cache
def asset(path):
    """The URL of a static file, looked up in the storage's manifest once per process (the
    manifest does not change while the process runs); every page asks for the same few."""
    return static(path)


@register.simple_tag
def icon(name):
    """A design-system icon from the sprite, without a template include per icon."""
    return format_html(
        '<svg class="icon-svg" focusable="false" aria-hidden="true"><use href="{}#{}"></use></svg>',
        asset(ICON_SPRITE),
        name,
    )


def _forget_assets(setting, **kwargs):
    if setting in ("STATIC_URL", "STORAGES"):
        asset.cache_clear()


setting_changed.connect(_forget_assets)


@register.simple_tag(takes_context=True)
def content_generation(context):
    return current_content_generation(context.get("request"))


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page, current=None):
    """The page's ancestors below the home page (the page itself too when something inside it is
    current, a topic of the guidance index); none on the home page itself."""
    # Routing has already loaded each parent, so walking up costs no query.
    request = context["request"]
    trail = [page] if current else []
    node = page
    while node.depth > 3:
        node = node.get_parent()
        trail.insert(0, node)
    return {
        "crumbs": [{"title": p.title, "url": p.get_url(request)} for p in trail],
        "current": current or page.title,
    }


@register.simple_tag(takes_context=True)
def site_header(context):
    """The header of every page, from its pieces kept per shape (`portal/header.py`)."""
    request = context["request"]
    return header.render(
        request,
        main_menu_items(request),
        language_choices,
        lambda: account_menu(request),
    )


def main_menu_items(request):
    """The home page's menu pages, computed once per content generation, site and process; the
    page's own item is `current`, the item of the section it is in `active`."""
    site = routing.site(request)
    items = []
    if site is not None:
        items = generation_memo(
            request, ("portal:menu", site.pk), lambda: _menu_pages(site, request)
        )
    path = request.path
    return [
        {**item, "current": path == item["url"], "active": path.startswith(item["url"])}
        for item in items
    ]


def _menu_pages(site, request):
    pages = site.root_page.get_children().live().public().in_menu()
    return [{"title": p.title, "url": p.get_url(request)} for p in pages]


@register.filter
def may_edit_content(user):
    """Whether the Wagtail userbar is worth rendering: only editors reach the admin, and asking
    Wagtail costs everyone else two permission queries."""
    return access.may_edit_content(user)


def language_choices(back):
    """The interface languages, the current one first, as the design system's switcher has it,
    each with its link back to `back` (this page's address, URL-encoded)."""
    current = translation.get_language()
    choices = [
        {
            "code": code,
            "name": name,
            "current": code == current,
            "url": f"{reverse('choose_language', args=[code])}?next={back}",
        }
        for code, name in settings.LANGUAGES
    ]
    return sorted(choices, key=lambda choice: not choice["current"])


def account_menu(request):
    """The signed-in user's menu items, rendered once for the header and the mobile menu:
    profile, the apps' own links (network: its notifications with the unread count), and the
    work areas their roles open.

    The rendered menu is shared by everyone for whom it is the same: it is cached under the
    language, the rights that decide its items and the apps' links themselves."""
    user = request.user
    rights = {
        "may_edit_content": access.may_edit_content(user),
        "may_see_monitoring": access.may_see_monitoring(user),
        "may_decide_access_requests": access.may_decide_access_requests(user),
        "is_administrator": access.is_administrator(user),
    }
    app_links = [links(request) for links in hooks.get_hooks(ACCOUNT_LINKS_HOOK)]
    key = fragment_key("account-menu", sorted(rights.items()), app_links)
    html = cache.get(key)
    if html is None:
        html = render_to_string(
            "includes/account_links.html", {**rights, "app_links": app_links}, request=request
        )
        cache.set(key, html, FRAGMENT_SECONDS)
    return html


def fragment_key(name, *parts):
    """A cache key for a rendered fragment: its name, the language and a digest of everything
    else it depends on (`parts`, as their repr)."""
    digest = hashlib.sha1(repr(parts).encode()).hexdigest()
    return f"portal:fragment:{name}:{translation.get_language()}:{digest}"


@register.simple_tag(takes_context=True)
def home_page_sections(context):
    """What the apps show on the home page (guidance: the latest news), each rendered by its app."""
    request = context["request"]
    return mark_safe("".join(section(request) for section in hooks.get_hooks(HOME_PAGE_HOOK)))
