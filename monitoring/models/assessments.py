"""The yearly assessment of each organisation (rød, gul, grøn), and the parameters that decide it."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import RevisionMixin


class AssessmentPolicy(RevisionMixin, models.Model):
    """How flags roll up to an organisation's assessment: editors tune it, each change is a
    revision. One row (installed by a data migration); docs/assessment.md explains the rule."""

    name = models.CharField(_("navn"), max_length=100)
    red_weight = models.FloatField(
        _("point for et rødt flag"), default=4, validators=[MinValueValidator(0)]
    )
    yellow_weight = models.FloatField(
        _("point for et gult flag"), default=1, validators=[MinValueValidator(0)]
    )
    persistence_weight = models.FloatField(
        _("tillæg pr. ekstra år i træk"),
        default=0.5,
        validators=[MinValueValidator(0)],
        help_text=_(
            "Et flag, der har stået to år i træk, tæller (1 + tillægget) gange sine point."
        ),
    )
    persistence_years = models.PositiveSmallIntegerField(
        _("højst antal år, der tæller"),
        default=3,
        validators=[MinValueValidator(1)],
    )
    estate_share = models.FloatField(
        _("afdelingsandel, der vejer som et eget flag (%)"),
        default=100,
        validators=[MinValueValidator(0.1), MaxValueValidator(100)],
        help_text=_(
            "En afdelings flag tæller i forhold til afdelingens andel af boligerne: med 100 % "
            "tæller et flag, der gælder alle organisationens boliger, som organisationens eget "
            "flag; med 50 % tæller det dobbelt."
        ),
    )
    red_score = models.FloatField(
        _("rød ved point på mindst"), default=8, validators=[MinValueValidator(0)]
    )
    yellow_score = models.FloatField(
        _("gul ved point på mindst"), default=3, validators=[MinValueValidator(0)]
    )
    red_homes_share = models.FloatField(
        _("rød når andelen af boliger i afdelinger med rødt flag er mindst (%)"),
        default=75,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    yellow_homes_share = models.FloatField(
        _("gul når andelen af boliger i afdelinger med flag er mindst (%)"),
        default=75,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )

    class Meta:
        verbose_name = _("vurderingsregel")
        verbose_name_plural = _("vurderingsregler")

    def __str__(self):
        return self.name


class Assessment(models.TextChoices):
    RED = "red", _("Rød")
    YELLOW = "yellow", _("Gul")
    GREEN = "green", _("Grøn")


class OrganisationAssessment(models.Model):
    """An organisation's assessment for an accounting year, from its own flags and its estates'
    flags weighted by homes; rewritten by each evaluation (only the rows that changed)."""

    organisation = models.ForeignKey(
        "monitoring.Organisation", on_delete=models.CASCADE, related_name="assessments"
    )
    year = models.PositiveSmallIntegerField(_("år"))
    assessment = models.CharField(_("vurdering"), max_length=10, choices=Assessment.choices)
    rank = models.PositiveSmallIntegerField(_("rækkefølge"), help_text=_("0 rød, 1 gul, 2 grøn"))
    score = models.FloatField(_("point"))
    red_flags = models.PositiveIntegerField(_("røde flag"))
    yellow_flags = models.PositiveIntegerField(_("gule flag"))
    homes = models.PositiveIntegerField(_("boliger"))
    red_homes_share = models.FloatField(_("andel boliger i afdelinger med rødt flag (%)"))
    homes_affected_share = models.FloatField(_("andel boliger i afdelinger med flag (%)"))
    reasons = models.CharField(_("begrundelse"), max_length=300, blank=True)

    class Meta:
        ordering = ["year", "rank", "-score"]
        verbose_name = _("vurdering af boligorganisation")
        verbose_name_plural = _("vurderinger af boligorganisationer")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"], name="monitoring_assessment_unique"
            )
        ]
        indexes = [models.Index(fields=["year", "rank"], name="monitoring_assessment_year")]

    def __str__(self):
        return f"{self.organisation_id} {self.year} {self.assessment}"
