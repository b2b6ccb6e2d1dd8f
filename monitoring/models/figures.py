"""Key figures (nøgletal): their definitions, the imports that bring them, and their values."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    ORGANISATION = "org", _("Boligorganisation")
    ESTATE = "estate", _("Afdeling")


class Direction(models.TextChoices):
    HIGHER_IS_WORSE = "up", _("Højere er værre")
    LOWER_IS_WORSE = "down", _("Lavere er værre")
    CONTEXT = "context", _("Kontekst")


class ValueKind(models.TextChoices):
    DECIMAL = "decimal", _("Decimaltal")
    COUNT = "count", _("Antal")
    BOOLEAN = "bool", _("Ja/nej")
    DATE = "date", _("Dato")


class KeyFigure(models.Model):
    """A key figure's definition. Derived figures are computed by the portal, never imported."""

    code = models.SlugField(_("kode"), max_length=50, unique=True)
    name = models.CharField(_("navn"), max_length=120)
    unit = models.CharField(_("enhed"), max_length=30, blank=True)
    for_organisations = models.BooleanField(_("for boligorganisationer"), default=False)
    for_estates = models.BooleanField(_("for afdelinger"), default=False)
    direction = models.CharField(_("retning"), max_length=10, choices=Direction.choices)
    kind = models.CharField(
        _("værditype"), max_length=10, choices=ValueKind.choices, default=ValueKind.DECIMAL
    )
    decimals = models.PositiveSmallIntegerField(
        _("decimaler"),
        default=0,
        help_text=_("Så mange decimaler vises tallet med på sider, i grafer og i eksporter."),
    )
    derived = models.BooleanField(_("beregnet af portalen"), default=False)
    description = models.TextField(_("beskrivelse"), blank=True)
    guidance_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("vejledning"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Den vejledning, der hjælper sagsbehandleren med at handle på tallet."),
    )
    sort_order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("nøgletal")
        verbose_name_plural = _("nøgletal")

    def __str__(self):
        return self.name


class ImportBatch(models.Model):
    """One import of a file: who, when, what, and how it went. Kept also when it failed."""

    class Kind(models.TextChoices):
        ENTITIES = "entities", _("Organisationer og afdelinger")
        KEY_FIGURES = "key_figures", _("Nøgletal")

    class Status(models.TextChoices):
        RUNNING = "running", _("I gang")
        SUCCEEDED = "succeeded", _("Gennemført")
        FAILED = "failed", _("Afvist")

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("år"), null=True, blank=True)
    file_name = models.CharField(_("filnavn"), max_length=255)
    checksum = models.CharField(_("SHA-256"), max_length=64)
    rows = models.PositiveIntegerField(_("rækker"), default=0)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.RUNNING
    )
    errors = models.JSONField(_("fejl"), default=list, blank=True)
    summary = models.JSONField(_("resultat"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("importeret af"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    started_at = models.DateTimeField(_("startet"), auto_now_add=True)
    finished_at = models.DateTimeField(_("afsluttet"), null=True, blank=True)
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("import")
        verbose_name_plural = _("importer")

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display()})"


class KeyFigureValue(models.Model):
    """One figure of one organisation (estate empty) or estate for one accounting year.

    Missing figures have no row. Booleans are stored as 0/1 and dates as days since 1970-01-01,
    so that every value is one float column that pandas reads in one pass.
    """

    # The composite indexes and unique constraints below cover every lookup; the foreign keys'
    # own single-column indexes would only slow the bulk import of a year.
    figure = models.ForeignKey(
        KeyFigure, on_delete=models.PROTECT, related_name="values", db_index=False
    )
    year = models.PositiveSmallIntegerField(_("år"))
    organisation = models.ForeignKey(
        "monitoring.Organisation",
        on_delete=models.CASCADE,
        related_name="figure_values",
        db_index=False,
    )
    estate = models.ForeignKey(
        "monitoring.Estate",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="figure_values",
        db_index=False,
    )
    value = models.FloatField(_("værdi"))
    batch = models.ForeignKey(
        ImportBatch,
        on_delete=models.PROTECT,
        related_name="values",
        null=True,
        blank=True,
        db_index=False,
    )

    class Meta:
        verbose_name = _("nøgletalsværdi")
        verbose_name_plural = _("nøgletalsværdier")
        indexes = [
            models.Index(fields=["organisation", "year"], name="monitoring_value_org_year"),
            models.Index(fields=["estate", "year"], name="monitoring_value_estate_year"),
            models.Index(fields=["year", "figure"], name="monitoring_value_year_figure"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["figure", "year", "organisation"],
                condition=Q(estate__isnull=True),
                name="monitoring_value_unique_org",
            ),
            models.UniqueConstraint(
                fields=["figure", "year", "estate"],
                condition=Q(estate__isnull=False),
                name="monitoring_value_unique_estate",
            ),
        ]

    def __str__(self):
        return f"{self.figure_id} {self.year}: {self.value}"


class StatutoryRate(models.Model):
    """A year's statutory rates per tenancy unit (LBF's Satser), used by rules such as R01."""

    year = models.PositiveSmallIntegerField(_("år"), unique=True)
    disp_fund_contribution = models.FloatField(_("bidrag til dispositionsfond"))
    disp_fund_ceiling = models.FloatField(_("loft for dispositionsfond"))
    working_capital_contribution = models.FloatField(_("bidrag til arbejdskapital"))
    working_capital_ceiling = models.FloatField(_("loft for arbejdskapital"))
    moveout_rate = models.FloatField(_("fraflytningssats"))

    class Meta:
        ordering = ["year"]
        verbose_name = _("sats")
        verbose_name_plural = _("satser")

    def __str__(self):
        return str(self.year)
