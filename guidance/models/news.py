from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from portal.blocks import BODY_BLOCKS
from portal.models import BasePage


class NewsIndexPage(BasePage):
    """The news list, newest first, with an Atom and RSS feed."""

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["guidance.NewsPage"]
    max_count = 1

    class Meta:
        verbose_name = _("nyhedsoversigt")

    def news(self):
        return NewsPage.objects.child_of(self).live().public().order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news_page"] = Paginator(self.news(), 10).get_page(request.GET.get("side"))
        return context


class NewsPage(BasePage):
    date = models.DateField(_("dato"), default=timezone.localdate)
    body = StreamField(BODY_BLOCKS, verbose_name=_("indhold"))

    search_fields = [*BasePage.search_fields, index.SearchField("body"), index.FilterField("date")]
    content_panels = [*BasePage.content_panels, FieldPanel("date"), FieldPanel("body")]
    parent_page_types = ["guidance.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("nyhed")
        verbose_name_plural = _("nyheder")
