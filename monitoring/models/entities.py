"""Housing organisations (boligorganisationer) and their estates (afdelinger)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from portal.search.index import ANALYSED_FIELD, analysed_text


class OrganisationQuerySet(models.QuerySet):
    def visible_to(self, user):
        from monitoring import access

        return access.visible_organisations(user, self)


class Organisation(index.Indexed, models.Model):
    """A housing organisation, supervised by the municipality of its seat (tilsynskommune)."""

    org_no = models.CharField(_("organisationsnummer"), max_length=4, unique=True)
    name = models.CharField(_("navn"), max_length=200)
    supervising_municipality = models.ForeignKey(
        "portal.Municipality",
        verbose_name=_("tilsynskommune"),
        on_delete=models.PROTECT,
        related_name="supervised_organisations",
    )
    address = models.CharField(_("adresse"), max_length=200)
    postcode = models.CharField(_("postnummer"), max_length=4, blank=True)
    city = models.CharField(_("by"), max_length=100, blank=True)
    cvr = models.CharField(_("CVR-nummer"), max_length=8, blank=True)
    fiscal_year_end = models.CharField(
        _("regnskabsårets afslutning"), max_length=5, default="12-31"
    )
    valid_from = models.DateField(_("gyldig fra"), null=True, blank=True)
    valid_to = models.DateField(_("gyldig til"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("fusioneret ind i"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_from",
    )

    objects = OrganisationQuerySet.as_manager()

    # Searched by caseworkers and styrelse within what they may see (monitoring/search.py).
    search_fields = [
        index.SearchField("name", boost=2),
        index.SearchField("org_no"),
        index.SearchField("cvr"),
        index.SearchField("city"),
        index.SearchField("estate_text"),
        ANALYSED_FIELD,
        index.FilterField("supervising_municipality"),
    ]
    search_stems = analysed_text

    class Meta:
        ordering = ["org_no"]
        verbose_name = _("boligorganisation")
        verbose_name_plural = _("boligorganisationer")

    def __str__(self):
        return f"{self.org_no} {self.name}"

    def estate_text(self):
        """Its estates' numbers and names as one value: Wagtail's backends build every indexed
        value into each part of an index entry, and two per estate made a large organisation's
        entry slow to build."""
        return " ".join(
            str(getattr(estate, column))
            for estate in self.estates.all()
            for column in Estate.SEARCHED_COLUMNS
        )

    @classmethod
    def indexed_columns(cls):
        """The names of its own columns that its index entry holds (searched or filtered by)."""
        own = {field.name for field in cls._meta.concrete_fields}
        return [
            field.field_name
            for field in cls.search_fields
            if isinstance(field, index.SearchField | index.FilterField) and field.field_name in own
        ]


class EstateQuerySet(models.QuerySet):
    def visible_to(self, user):
        from monitoring import access

        return access.visible_estates(user, self)


class HomeType(models.TextChoices):
    FAMILY = "family", _("Familieboliger")
    ELDERLY = "elderly", _("Ældreboliger")
    YOUTH = "youth", _("Ungdomsboliger")
    MIXED = "mixed", _("Blandet")


class BuildingType(models.TextChoices):
    BLOCK = "block", _("Etagebyggeri")
    LOW_RISE = "low_rise", _("Tæt/lav")
    MIXED = "mixed", _("Blandet")


class Estate(models.Model):
    """An estate (afdeling): its own budget and accounts, owned by one organisation."""

    # Found through its organisation's index entry (`Organisation.estate_text`).
    SEARCHED_COLUMNS = ("estate_no", "name")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("boligorganisation"),
        on_delete=models.CASCADE,
        related_name="estates",
    )
    estate_no = models.CharField(_("afdelingsnummer"), max_length=3)
    name = models.CharField(_("navn"), max_length=200)
    municipality = models.ForeignKey(
        "portal.Municipality",
        verbose_name=_("beliggenhedskommune"),
        on_delete=models.PROTECT,
        related_name="located_estates",
    )
    homes = models.PositiveIntegerField(_("antal boliger"))
    area_m2 = models.FloatField(_("boligareal (m²)"))
    year_built = models.PositiveSmallIntegerField(_("opførelsesår"))
    home_type = models.CharField(
        _("boligtype"), max_length=10, choices=HomeType.choices, default=HomeType.FAMILY
    )
    building_type = models.CharField(
        _("byggeriart"), max_length=10, choices=BuildingType.choices, default=BuildingType.BLOCK
    )
    maintenance_scheme = models.CharField(_("istandsættelsesordning"), max_length=1, default="A")
    valid_from = models.DateField(_("gyldig fra"), null=True, blank=True)
    valid_to = models.DateField(_("gyldig til"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("sammenlagt med"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_from",
    )

    objects = EstateQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__org_no", "estate_no"]
        verbose_name = _("afdeling")
        verbose_name_plural = _("afdelinger")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "estate_no"], name="monitoring_estate_number_unique"
            )
        ]

    def __str__(self):
        return f"{self.number} {self.name}"

    @property
    def number(self):
        """The display key, e.g. 0042-007 (the organisation number is in the key)."""
        return f"{self.organisation.org_no}-{self.estate_no}"
