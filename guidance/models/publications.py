from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from portal.blocks import BODY_BLOCKS
from portal.models import BasePage

from .topics import Topic


class PublicationIndexPage(BasePage):
    """Analyses and reports, newest first."""

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["guidance.PublicationPage"]
    max_count = 1

    class Meta:
        verbose_name = _("publikationsoversigt")

    def publications(self):
        return (
            PublicationPage.objects.child_of(self)
            .live()
            .public()
            .order_by("-publication_date", "title")
        )


class PublicationPage(BasePage):
    """An analysis or report, such as the 2021 analysis of municipal supervision."""

    class Kind(models.TextChoices):
        ANALYSIS = "analysis", _("Analyse")
        REPORT = "report", _("Rapport")
        EVALUATION = "evaluation", _("Evaluering")

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.ANALYSIS)
    publication_date = models.DateField(_("udgivet"))
    publisher = models.CharField(_("udgiver"), max_length=150, default="Bolig- og Planstyrelsen")
    topics = ParentalManyToManyField(
        Topic, related_name="publications", verbose_name=_("emner"), blank=True
    )
    body = StreamField(BODY_BLOCKS, verbose_name=_("indhold"), blank=True)

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("kind"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.RelatedFields(
            "attachments",
            [
                index.SearchField("title"),
                index.RelatedFields("document", [index.SearchField("title")]),
            ],
        ),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("kind"),
        FieldPanel("publication_date"),
        FieldPanel("publisher"),
        FieldPanel("topics"),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("bilag"), min_num=1),
    ]
    parent_page_types = ["guidance.PublicationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("publikation")
        verbose_name_plural = _("publikationer")


class PublicationAttachment(Orderable):
    page = ParentalKey(PublicationPage, related_name="attachments", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "portal.PortalDocument",
        verbose_name=_("dokument"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    title = models.CharField(
        _("titel"), max_length=200, blank=True, help_text=_("Tom: dokumentets egen titel.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    @property
    def display_title(self):
        return self.title or self.document.title
