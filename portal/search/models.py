"""What editors tune search with (synonyms, recommended results) and what search learns by itself
(the index's vocabulary, the queries that found little)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import RevisionMixin


def _phrases(text):
    return [phrase.strip() for phrase in text.split(",") if phrase.strip()]


class SearchSynonym(RevisionMixin, models.Model):
    """Words a reader may type for what the content calls something else: an abbreviation, a lay
    word, an English word. Applied to queries at once, on every backend."""

    terms = models.CharField(
        _("det læseren skriver"),
        max_length=255,
        help_text=_("Et eller flere ord eller forkortelser, adskilt af komma, fx “LBF, lbf.”."),
    )
    alternatives = models.CharField(
        _("søg også efter"),
        max_length=500,
        help_text=_("Det indholdet kalder det, adskilt af komma, fx “Landsbyggefonden”."),
    )
    both_ways = models.BooleanField(
        _("begge veje"),
        default=True,
        help_text=_("Søgninger på “søg også efter” finder også det læseren skriver."),
    )

    panels = [FieldPanel("terms"), FieldPanel("alternatives"), FieldPanel("both_ways")]

    class Meta:
        ordering = ["terms"]
        verbose_name = _("synonym")
        verbose_name_plural = _("synonymer")

    def __str__(self):
        arrow = "⇄" if self.both_ways else "→"
        return f"{self.terms} {arrow} {self.alternatives}"

    def term_list(self):
        return _phrases(self.terms)

    def alternative_list(self):
        return _phrases(self.alternatives)


class PromotedResult(RevisionMixin, models.Model):
    """A page shown first, marked "Anbefalet", when a reader searches for one of the queries."""

    queries = models.CharField(
        _("søgninger"),
        max_length=500,
        help_text=_("Søgninger, adskilt af komma; bøjninger af ordene tæller med."),
    )
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("side"), on_delete=models.CASCADE, related_name="+"
    )
    sort_order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)

    panels = [FieldPanel("queries"), FieldPanel("page"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("anbefalet resultat")
        verbose_name_plural = _("anbefalede resultater")

    def __str__(self):
        return f"{self.queries} → {self.page}"

    def query_list(self):
        return _phrases(self.queries)


class IndexedWord(models.Model):
    """A word that occurs in indexed content: the vocabulary "Mente du" draws from.

    Words are added as content is indexed and never removed one by one: a suggestion is only
    offered when it finds results the reader may see, so a word gone from the content is harmless.
    """

    word = models.CharField(max_length=64, primary_key=True)
    occurrences = models.PositiveIntegerField(default=0)

    def __str__(self):
        return self.word


class UnansweredQuery(models.Model):
    """A query that found nothing or little, counted per day without who searched."""

    day = models.DateField(_("dag"))
    query = models.CharField(_("søgning"), max_length=200)
    searches = models.PositiveIntegerField(_("søgninger"), default=0)
    results = models.PositiveIntegerField(_("resultater"), default=0)

    class Meta:
        ordering = ["-day", "-searches"]
        constraints = [
            models.UniqueConstraint(fields=["day", "query"], name="unanswered_query_once_a_day")
        ]
        verbose_name = _("søgning uden svar")
        verbose_name_plural = _("søgninger uden svar")

    def __str__(self):
        return self.query


class PageText(models.Model):
    """The plain text of a page a result's snippet is cut from (its summary and body), stored
    when the page is indexed, so a search converts no page body while it answers."""

    # No database constraint: a page tree removed in bulk leaves a text behind, never read again.
    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
        db_constraint=False,
    )
    text = models.TextField(blank=True)

    def __str__(self):
        return self.text[:50]
