from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from guidance import search
from guidance.models import EventPage, NewsPage
from guidance.reports import ReviewDueView
from portal.admin_menus import EditorMenuItem
from portal.cache import content_generation

LATEST_NEWS_SECONDS = 3600


@hooks.register("register_admin_urls")
def register_review_report_urls():
    return [
        path("vejledning-til-gennemgang/", ReviewDueView.as_view(), name="guidance_review_due"),
        path(
            "vejledning-til-gennemgang/resultater/",
            ReviewDueView.as_view(results_only=True),
            name="guidance_review_due_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return EditorMenuItem(
        _("Vejledning til gennemgang"), reverse("guidance_review_due"), icon_name="date", order=100
    )


@hooks.register("portal_home_page_sections")
def latest_news(request):
    """The four latest news on the home page, the same for every reader: rendered once per
    content generation (publishing bumps it), language and host."""
    key = (
        f"guidance:latest-news:{content_generation(request)}:{get_language()}:{request.get_host()}"
    )
    html = cache.get(key)
    if html is None:
        news = NewsPage.objects.live().public().order_by("-date", "-pk")[:4]
        html = render_to_string("guidance/latest_news.html", {"latest_news": news}, request=request)
        cache.set(key, html, LATEST_NEWS_SECONDS)
    return html


@hooks.register("portal_search_sources")
def search_sources():
    return search.sources()


@hooks.register("portal_search_topics")
def search_topics():
    return search.topic_choices()


def participant_list_buttons(page, user):
    """The participant list of a live event with registration, for those who may edit it."""
    if not issubclass(page.specific_class or type(page), EventPage) or not page.live:
        return
    if not page.specific_deferred.has_registration:
        return
    if not page.permissions_for_user(user).can_edit():
        return
    for file_format, label in (
        ("csv", _("Deltagerliste (CSV)")),
        ("xlsx", _("Deltagerliste (Excel)")),
    ):
        url = reverse("event_participants", args=[page.pk, file_format])
        yield Button(label, url, icon_name="download", priority=80)


@hooks.register("register_page_header_buttons")
def event_header_buttons(page, user, view_name, next_url=None):
    yield from participant_list_buttons(page, user)


@hooks.register("register_page_listing_more_buttons")
def event_listing_buttons(page, user, next_url=None):
    yield from participant_list_buttons(page, user)
