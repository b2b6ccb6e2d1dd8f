from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from portal.search.index import ANALYSED_FIELD, analysed_text


@register_snippet
class Topic(index.Indexed, models.Model):
    """A subject of municipal supervision that guidance is filed under (styringsdialog, økonomi, …)."""

    invalidates_page_cache = True

    name = models.CharField(_("navn"), max_length=100, unique=True)
    slug = models.SlugField(_("kort navn i adressen"), max_length=100, unique=True)
    description = models.TextField(_("beskrivelse"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("rækkefølge"), default=100)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        ANALYSED_FIELD,
    ]
    search_stems = analysed_text

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("emne")
        verbose_name_plural = _("emner")

    def __str__(self):
        return self.name
