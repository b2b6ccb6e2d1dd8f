from typing import NamedTuple

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from guidance.blocks import GUIDANCE_BLOCKS
from portal import routing
from portal.cache import content_generation, generation_memo, mark_cacheable
from portal.models import BasePage

from .topics import Topic

TOPIC_PAGE_SIZE = 25


class GuidanceIndexPage(RoutablePageMixin, BasePage):
    """The guidance section: all topics, and the guidance filed under one topic.

    Its routes are served by RoutablePageMixin, not BasePage.serve, so each marks its response
    cacheable itself.
    """

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["guidance.GuidancePage"]
    max_count = 1

    class Meta:
        verbose_name = _("vejledningsoversigt")

    def guidance_pages(self):
        return GuidancePage.objects.child_of(self).live().public().order_by("title")

    def route(self, request, path_components):
        # Guidance pages are the only children: fetch one as its own type in one query, not two.
        if self.live and path_components:
            try:
                self.resolve_subpage("/" + "/".join(path_components) + "/")
            except Http404:
                # By url_path, which is indexed: a child_of() path prefix scans every sibling.
                child = routing.page_at(GuidancePage, f"{self.url_path}{path_components[0]}/")
                if child is None:
                    raise Http404 from None
                child._cached_parent_obj = self  # as Wagtail's own routing does
                return child.route(request, path_components[1:])
        return super().route(request, path_components)

    @path("")
    def index(self, request):
        topics = Topic.objects.annotate(
            page_count=models.Count(
                "guidance_pages",
                filter=models.Q(guidance_pages__live=True),
            )
        ).filter(page_count__gt=0)
        return mark_cacheable(self.render(request, context_overrides={"topics": topics}))

    @path("emne/<slug:slug>/", name="topic")
    def topic(self, request, slug):
        # The topic and the side menu's topics alike, from memory until content changes (a
        # topic's change bumps the generation).
        topics = generation_memo(request, "guidance-topics", lambda: list(Topic.objects.all()))
        topic = next((t for t in topics if t.slug == slug), None)
        if topic is None:
            raise Http404
        page_obj = self.topic_listing(request, topic, request.GET.get("side"))
        # The list and side menu are the same for every reader (restricted pages are never
        # listed): one fragment per content generation, site, topic and page of the list.
        cache_key = (self.pk, topic.pk, page_obj.number, routing.site(request).pk)
        return mark_cacheable(
            self.render(
                request,
                context_overrides={
                    "topic": topic,
                    "topics": topics,
                    "page_obj": page_obj,
                    "listing_cache_key": (*cache_key, content_generation(request)),
                },
                template="guidance/topic_page.html",
            )
        )

    def topic_listing(self, request, topic, number):
        """A page of the topic's guidance, as links; counted once per content generation and
        read only when the fragment holding it is rendered."""
        count = generation_memo(
            request,
            ("topic-count", self.pk, topic.pk),
            lambda: self.topic_guidance(topic).count(),
        )
        page = Paginator(range(count), TOPIC_PAGE_SIZE).get_page(number)
        positions = page.object_list
        page.object_list = SimpleLazyObject(
            lambda: [
                GuidanceLink(p.title, p.get_url(request), p.summary)
                for p in self.topic_guidance(topic).only("title", "url_path", "summary")[
                    positions.start : positions.stop
                ]
            ]
        )
        return page

    def topic_guidance(self, topic):
        # Built only when needed: public() reads the view restrictions as it builds.
        return self.guidance_pages().filter(topics=topic)


class GuidanceLink(NamedTuple):
    title: str
    url: str
    summary: str


class GuidancePage(BasePage):
    """One piece of supervision guidance, reviewed regularly by its content owner."""

    topics = ParentalManyToManyField(
        Topic, related_name="guidance_pages", verbose_name=_("emner"), blank=True
    )
    body = StreamField(GUIDANCE_BLOCKS, verbose_name=_("indhold"))
    last_reviewed = models.DateField(
        _("senest gennemgået"),
        help_text=_("Datoen, hvor indholdsejeren sidst har kontrolleret, at siden er korrekt."),
    )
    content_owner = models.CharField(
        _("indholdsejer"),
        max_length=150,
        help_text=_("Den enhed i styrelsen, der står inde for indholdet."),
    )
    content_owner_email = models.EmailField(_("indholdsejers e-mail"), blank=True)

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("last_reviewed"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]
    # The required review fields on the first tab: an editor meets them before submitting.
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("last_reviewed"),
                FieldPanel("content_owner"),
                FieldPanel("content_owner_email"),
            ],
            heading=_("Ansvar og gennemgang"),
        ),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]
    parent_page_types = ["guidance.GuidanceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("vejledning")
        verbose_name_plural = _("vejledninger")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Looked up only when the article is rendered, not when it comes from the cache.
        context["topic_links"] = SimpleLazyObject(lambda: self.topic_links(request))
        # The rendered article is cached until any content is published (it links other pages);
        # previews show unsaved changes and always render.
        if not getattr(request, "is_preview", False):
            context["article_cache_key"] = (self.pk, content_generation(request))
        return context

    def topic_links(self, request):
        """(topic, URL of the topic's list) for each of the page's topics."""
        # After routing the parent is already loaded (as its own type): no query.
        index = self.get_parent().specific
        base_url = index.get_url(request) if isinstance(index, GuidanceIndexPage) else None
        if base_url is None:
            return []
        return [
            (topic, f"{base_url}{index.reverse_subpage('topic', args=[topic.slug])}")
            for topic in self.topics.all()
        ]
