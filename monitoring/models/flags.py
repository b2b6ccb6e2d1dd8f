"""Flag rules that editors define, the flags they raise, and how caseworkers follow them up."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import RevisionMixin

from .figures import Level


class Severity(models.TextChoices):
    RED = "red", _("Rød")
    YELLOW = "yellow", _("Gul")


class RuleKind(models.TextChoices):
    ABSOLUTE = "absolute", _("Absolut grænse")
    PEER = "peer", _("Sammenligning med andre (percentil)")
    CHANGE = "change", _("Ændring fra året før")
    TREND = "trend", _("Udvikling flere år i træk")
    MISSING = "missing", _("Manglende indberetning")
    COMBINATION = "combination", _("Kombination af regler")


class PeerGroup(models.TextChoices):
    COUNTRY = "country", _("hele landet")
    REGION = "region", _("regionen")
    SIZE = "size", _("størrelsesgruppen")
    REGION_SIZE = "region_size", _("regionen og størrelsesgruppen")
    COUNTRY_SIZE = "country_size", _("størrelsesgruppen i hele landet")
    REGION_HOME_TYPE = "region_home_type", _("regionen og boligtypen")


class FlagRuleQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class FlagRule(RevisionMixin, models.Model):
    """A rule that flags critical key figures; editors tune it, each change is a revision.

    The thresholds a kind does not use stay empty; `options` holds the few parameters that
    only one rule needs (e.g. R01's threshold as a share of the statutory ceiling).
    """

    code = models.CharField(_("kode"), max_length=10, unique=True)
    name = models.CharField(_("navn"), max_length=150)
    kind = models.CharField(_("type"), max_length=20, choices=RuleKind.choices)
    figure = models.ForeignKey(
        "monitoring.KeyFigure",
        verbose_name=_("nøgletal"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rules",
    )
    level = models.CharField(
        _("niveau"),
        max_length=10,
        choices=Level.choices,
    )
    yellow_threshold = models.FloatField(_("grænse for gul"), null=True, blank=True)
    red_threshold = models.FloatField(_("grænse for rød"), null=True, blank=True)
    yellow_percentile = models.FloatField(_("percentil for gul"), null=True, blank=True)
    red_percentile = models.FloatField(_("percentil for rød"), null=True, blank=True)
    peer_group = models.CharField(
        _("sammenligningsgruppe"), max_length=20, choices=PeerGroup.choices, blank=True
    )
    minimum_value = models.FloatField(
        _("mindsteværdi"),
        null=True,
        blank=True,
        help_text=_("Værdien skal også være værre end dette tal, før reglen giver et flag."),
    )
    minimum_homes = models.PositiveIntegerField(_("mindste antal boliger"), null=True, blank=True)
    years = models.PositiveSmallIntegerField(_("antal år (gul)"), null=True, blank=True)
    red_years = models.PositiveSmallIntegerField(_("antal år (rød)"), null=True, blank=True)
    minimum_change = models.FloatField(_("mindste ændring"), null=True, blank=True)
    change_in_percent = models.BooleanField(_("ændring i procent"), default=False)
    combined_rules = models.ManyToManyField(
        "self", verbose_name=_("kombinerede regler"), symmetrical=False, blank=True
    )
    minimum_rules = models.PositiveSmallIntegerField(
        _("mindste antal samtidige regler"), null=True, blank=True
    )
    options = models.JSONField(_("særlige parametre"), default=dict, blank=True)
    close_margin = models.FloatField(
        _("margen før en sag lukker"),
        null=True,
        blank=True,
        help_text=_(
            "En åben sag fortsætter, så længe værdien er værre end grænsen med denne andel af "
            "grænsen slækket (0,1 = 10 %). Så blinker sager ikke ind og ud ved grænsen."
        ),
    )
    explanation = models.CharField(
        _("forklaring"),
        max_length=300,
        help_text=_(
            "Dansk tekst med pladsholdere som {value}, {threshold}, {year}, {prev_value}, "
            '{prev_year}, {change}, {percentile}, {comparison} (fx "højere end hos 9 ud af '
            '10"), {peer_group}, {peer_median}, {n_years}, '
            "{figure_name}, {deadline} og {rules}."
        ),
    )
    guidance_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("vejledning"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    guidance_anchor = models.SlugField(
        _("afsnit i vejledningen"),
        max_length=100,
        blank=True,
        help_text=_(
            'Ankeret på afsnittet i vejledningssiden, fx "dispositionsfond" for #dispositionsfond.'
        ),
    )
    actions = models.TextField(
        _("handlemuligheder"),
        blank=True,
        help_text=_(
            "2–4 konkrete skridt, tilsynet kan tage, ét pr. linje, i almindeligt dansk og med "
            "lovgrundlaget."
        ),
    )
    active = models.BooleanField(_("aktiv"), default=True)

    objects = FlagRuleQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("flagregel")
        verbose_name_plural = _("flagregler")

    def __str__(self):
        return f"{self.code} {self.name}"

    @property
    def guidance(self):
        """The rule's guidance page, else its figure's; combination and missing-figure rules
        have no figure (a template's `default:` argument cannot follow a missing figure)."""
        if self.guidance_page is not None or self.figure is None:
            return self.guidance_page
        return self.figure.guidance_page

    @property
    def action_steps(self):
        """The handlemuligheder as a list of steps (one per line of the text)."""
        return [line.strip() for line in self.actions.splitlines() if line.strip()]


class FlagStatus(models.TextChoices):
    NEW = "new", _("Ny")
    IN_PROGRESS = "in_progress", _("Under behandling")
    DISCUSSED = "discussed", _("Drøftet i styringsdialog")
    CLOSED = "closed", _("Afsluttet")
    REJECTED = "rejected", _("Afvist med begrundelse")


class FlagCase(models.Model):
    """A rule firing for the same entity in consecutive years: one case with one follow-up.

    Evaluation links each year's flag to the case of the same rule's flag the year before, or
    opens a case; a year without the flag ends the case (docs/flag-cases.md).
    """

    rule = models.ForeignKey(FlagRule, on_delete=models.PROTECT, related_name="cases")
    organisation = models.ForeignKey(
        "monitoring.Organisation", on_delete=models.CASCADE, related_name="flag_cases"
    )
    estate = models.ForeignKey(
        "monitoring.Estate",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="flag_cases",
    )
    first_year = models.PositiveSmallIntegerField(_("første år"))
    last_year = models.PositiveSmallIntegerField(_("seneste år"))
    status = models.CharField(
        _("status"), max_length=20, choices=FlagStatus.choices, default=FlagStatus.NEW
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ansvarlig sagsbehandler"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-last_year", "rule__code"]
        verbose_name = _("sag")
        verbose_name_plural = _("sager")

    def __str__(self):
        return f"{self.rule.code} {self.first_year}–{self.last_year}"

    @property
    def years(self):
        return range(self.first_year, self.last_year + 1)


class FlagQuerySet(models.QuerySet):
    def current(self):
        return self.filter(is_current=True)

    def visible_to(self, user):
        from monitoring import access

        return access.visible_flags(user, self)


class Flag(models.Model):
    """A rule fired for an organisation or estate in an accounting year.

    A re-evaluation that raises the same flag again keeps this row (and its follow-up); one that
    no longer raises it marks it not current. Flags record the rule revision and the import they
    came from, so the reason stays visible after the rule changes.
    """

    rule = models.ForeignKey(FlagRule, on_delete=models.PROTECT, related_name="flags")
    rule_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation = models.ForeignKey(
        "monitoring.Organisation", on_delete=models.CASCADE, related_name="flags"
    )
    estate = models.ForeignKey(
        "monitoring.Estate", null=True, blank=True, on_delete=models.CASCADE, related_name="flags"
    )
    year = models.PositiveSmallIntegerField(_("år"))
    severity = models.CharField(_("alvor"), max_length=10, choices=Severity.choices)
    # The figure the value and threshold are of: the rule's, or the one of its figures that the
    # explanation is about (R13).
    figure = models.ForeignKey(
        "monitoring.KeyFigure",
        verbose_name=_("nøgletal"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    value = models.FloatField(_("værdi"), null=True, blank=True)
    threshold = models.FloatField(_("grænse"), null=True, blank=True)
    statistics = models.JSONField(_("sammenligningstal"), default=dict, blank=True)
    explanation = models.TextField(_("forklaring"))
    batch = models.ForeignKey(
        "monitoring.ImportBatch",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="flags",
    )
    is_current = models.BooleanField(_("gældende"), default=True)
    previous = models.ForeignKey(
        "self",
        verbose_name=_("samme flag året før"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next",
    )
    case = models.ForeignKey(
        FlagCase, verbose_name=_("sag"), on_delete=models.CASCADE, related_name="flags"
    )
    raised_at = models.DateTimeField(_("rejst"), auto_now_add=True)
    evaluated_at = models.DateTimeField(_("sidst vurderet"), auto_now=True)

    objects = FlagQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "severity", "rule__code"]
        verbose_name = _("flag")
        verbose_name_plural = _("flag")
        indexes = [
            models.Index(fields=["organisation", "is_current"], name="monitoring_flag_org"),
            models.Index(fields=["estate", "is_current"], name="monitoring_flag_estate"),
            models.Index(fields=["year", "is_current"], name="monitoring_flag_year"),
        ]

    def __str__(self):
        return f"{self.rule.code} {self.year}"

    @property
    def is_new_case(self):
        """The flag opens its case (shown as "Ny"), rather than continuing one."""
        return self.case.first_year == self.year


class FlagEvent(models.Model):
    """One step of a case's follow-up: a status change, an assignment or a note, made on the
    case's flag of one year."""

    case = models.ForeignKey(FlagCase, on_delete=models.CASCADE, related_name="events")
    flag = models.ForeignKey(Flag, on_delete=models.CASCADE, related_name="events")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("status"), max_length=20, choices=FlagStatus.choices, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)
    created = models.DateTimeField(_("tidspunkt"), auto_now_add=True)
    # The form's token: the same follow-up sent twice is kept once.
    submission_token = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("opfølgning")
        verbose_name_plural = _("opfølgninger")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "submission_token"], name="flag_event_once_per_submission"
            )
        ]

    def __str__(self):
        return f"{self.flag} {self.get_status_display()}"


class Evaluation(models.Model):
    """A finished evaluation of the flags, written once its flags, assessments and peer bands
    are stored: the latest one is part of the key of the caseworkers' cached pages."""

    finished_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.pk} {self.finished_at:%Y-%m-%d %H:%M}"
