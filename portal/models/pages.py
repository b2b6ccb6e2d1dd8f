from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal import routing
from portal.blocks import BODY_BLOCKS, InitiativeBlock
from portal.cache import mark_cacheable
from portal.search.index import ANALYSED_FIELD, analysed_text


class BasePage(Page):
    """A page with a plain-language summary shown in listings, search results and meta tags."""

    summary = models.TextField(
        _("resumé"),
        blank=True,
        help_text=_("En til to sætninger, der vises i oversigter og søgeresultater."),
    )

    search_fields = [*Page.search_fields, index.SearchField("summary"), ANALYSED_FIELD]
    content_panels = [*Page.content_panels, FieldPanel("summary")]
    search_stems = analysed_text

    # Anonymous readers get the page from the cache until published content changes.
    cache_for_anonymous = True

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if self.cache_for_anonymous:
            mark_cacheable(response)
        return response

    def route(self, request, path_components):
        # A page routed through (the home page, a section) is the same for every request until
        # content is published: it comes from the memo. The page served is always read afresh.
        if len(path_components) > 1:
            child = routing.page_on_the_way(request, self, path_components[0])
            return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_view_restrictions(self):
        restrictions = routing.view_restrictions(self)
        return super().get_view_restrictions() if restrictions is None else restrictions


class HomePage(BasePage):
    """The front page, which presents the three initiatives."""

    intro = RichTextField(_("introduktion"), features=["bold", "italic", "link"], blank=True)
    initiatives = StreamField(
        [("initiative", InitiativeBlock())], verbose_name=_("initiativer"), blank=True
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("initiatives")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("forside")


class StandardPage(BasePage):
    """A plain content page: about the portal, the accessibility statement, privacy."""

    body = StreamField(BODY_BLOCKS, verbose_name=_("indhold"), blank=True)

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    parent_page_types = ["portal.HomePage", "portal.StandardPage"]
    subpage_types = ["portal.StandardPage"]

    class Meta:
        verbose_name = _("standardside")
