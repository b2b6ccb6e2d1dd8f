from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail import hooks
from wagtail.models import Site

from portal import access
from portal.cache import content_generation as current_content_generation

register = template.Library()

# The apps above portal register what the shared header and home page show of theirs: each hook
# takes the request and returns rendered HTML, so portal imports none of them.
ACCOUNT_LINKS_HOOK = "portal_account_links"
HOME_PAGE_HOOK = "portal_home_page_sections"


@register.simple_tag(takes_context=True)
def content_generation(context):
    return current_content_generation(context.get("request"))


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(page):
    """The page's ancestors from the home page down; none on the home page itself."""
    # Routing has already loaded each parent, so walking up costs no query.
    ancestors = []
    node = page
    while node.depth > 2:
        node = node.get_parent()
        ancestors.insert(0, node)
    return {"ancestors": ancestors, "current": page.title}


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page's menu pages, computed once per content generation and site."""
    request = context["request"]
    site = Site.find_for_request(request)
    items = []
    if site is not None:
        key = f"portal:menu:{current_content_generation(request)}:{site.pk}"
        items = cache.get(key)
        if items is None:
            pages = site.root_page.get_children().live().public().in_menu()
            items = [{"title": p.title, "url": p.get_url(request)} for p in pages]
            cache.set(key, items, 3600)
    path = request.path
    return {
        "items": [{**item, "current": path.startswith(item["url"])} for item in items],
    }


@register.filter
def may_edit_content(user):
    """Whether the Wagtail userbar is worth rendering: only editors reach the admin, and asking
    Wagtail costs everyone else two permission queries."""
    return access.may_edit_content(user)


@register.inclusion_tag("includes/language_switch.html", takes_context=True)
def language_switch(context):
    return {
        "request": context["request"],
        "languages": settings.LANGUAGES,
        "current": translation.get_language(),
    }


@register.inclusion_tag("includes/account_links.html", takes_context=True)
def account_links(context):
    """The signed-in user's links: profile, the apps' own links (network: its notifications with
    the unread count), and the work areas their roles open."""
    user = context["request"].user
    return {
        "user": user,
        "may_edit_content": access.may_edit_content(user),
        "may_see_monitoring": access.may_see_monitoring(user),
        "may_decide_access_requests": access.may_decide_access_requests(user),
        "is_administrator": access.is_administrator(user),
        "app_links": [links(context["request"]) for links in hooks.get_hooks(ACCOUNT_LINKS_HOOK)],
    }


@register.simple_tag(takes_context=True)
def home_page_sections(context):
    """What the apps show on the home page (guidance: the latest news), each rendered by its app."""
    request = context["request"]
    return mark_safe("".join(section(request) for section in hooks.get_hooks(HOME_PAGE_HOOK)))
