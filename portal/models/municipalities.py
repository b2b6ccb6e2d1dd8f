from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel


class Region(models.IntegerChoices):
    NORDJYLLAND = 1081, "Region Nordjylland"
    MIDTJYLLAND = 1082, "Region Midtjylland"
    SYDDANMARK = 1083, "Region Syddanmark"
    HOVEDSTADEN = 1084, "Region Hovedstaden"
    SJAELLAND = 1085, "Region Sjælland"


class MunicipalityQuerySet(models.QuerySet):
    def for_email(self, email):
        """The municipalities whose e-mail domains match the address's domain."""
        domain = email.rsplit("@", 1)[-1].strip().lower()
        return self.filter(domains__domain=domain)


class Municipality(ClusterableModel):
    """One of the 98 Danish municipalities, identified by its official kommunekode."""

    code = models.PositiveSmallIntegerField(_("kommunekode"), unique=True)
    name = models.CharField(_("navn"), max_length=60, unique=True)
    region = models.PositiveSmallIntegerField(_("region"), choices=Region.choices)

    objects = MunicipalityQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("region"),
        InlinePanel("domains", label=_("e-maildomæner")),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")

    def __str__(self):
        return self.name


class MunicipalityDomain(models.Model):
    """An e-mail domain that belongs to a municipality, such as kk.dk for København."""

    municipality = ParentalKey(Municipality, on_delete=models.CASCADE, related_name="domains")
    domain = models.CharField(_("domæne"), max_length=100, unique=True)

    panels = [FieldPanel("domain")]

    class Meta:
        ordering = ["domain"]
        verbose_name = _("e-maildomæne")
        verbose_name_plural = _("e-maildomæner")

    def __str__(self):
        return self.domain
