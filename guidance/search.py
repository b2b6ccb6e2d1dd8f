"""What guidance makes searchable on the search page: its pages by type, and its topics."""

from django.utils.translation import gettext_lazy as _

from guidance.models import (
    EventPage,
    GuidanceIndexPage,
    GuidancePage,
    NewsPage,
    PublicationPage,
    Topic,
)
from portal.cache import generation_memo
from portal.models import StandardPage
from portal.search.sources import Hit, SearchSource, page_source


def _topic_url(index, topic):
    return index.url + index.reverse_subpage("topic", args=[topic.slug]) if index else ""


def topic_hits(objects, request):
    index = GuidanceIndexPage.objects.live().first()
    return {
        topic.pk: Hit(topic.name, _topic_url(index, topic), _("emne"), topic.description)
        for topic in objects
    }


def _topics(user, topic):
    return Topic.objects.all()


def sources():
    return [
        page_source("vejledning", _("Vejledning"), 10, GuidancePage, topics_field="topics"),
        page_source("nyhed", _("Nyheder"), 20, NewsPage),
        page_source("publikation", _("Publikationer"), 30, PublicationPage, topics_field="topics"),
        page_source("arrangement", _("Arrangementer"), 40, EventPage),
        page_source("om", _("Om tilsynet"), 50, StandardPage),
        SearchSource(
            key="emne",
            label=_("Emner"),
            order=60,
            queryset=_topics,
            hits=topic_hits,
            suggest_field="name",
            suggestion_url=lambda topic: _topic_url(
                GuidanceIndexPage.objects.live().first(), topic
            ),
            same_for_everyone=True,
        ),
    ]


def topic_choices():
    """The topics, from memory until content changes (a topic's change bumps the generation)."""
    return generation_memo(
        None, "search-topics", lambda: list(Topic.objects.values_list("slug", "name"))
    )
