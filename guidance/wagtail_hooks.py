from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from guidance import search
from guidance.models import NewsPage
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
