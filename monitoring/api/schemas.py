"""The shapes the API answers with; field names are English identifiers, texts Danish.

Resolvers read model rows directly, so endpoints return querysets and pagination stays in SQL.
"""

import datetime
from typing import Literal

from django.urls import reverse
from ninja import Field, Schema

from monitoring import formatting

# A key-figure value in its natural form: decimal, count, yes/no or ISO date.
NaturalValue = float | int | bool | datetime.date | None


class Error(Schema):
    code: str = Field(description="not_authenticated, not_found eller invalid_parameters.")
    detail: str = Field(description="Beskeden til mennesker, på dansk.")


class ParameterError(Schema):
    loc: list[str | int]
    type: str


class InvalidParameters(Error):
    errors: list[ParameterError]


# The errors every endpoint may answer with, for the schema.
ERRORS = {401: Error, 404: Error, 422: InvalidParameters}


class MunicipalityOut(Schema):
    code: int
    name: str


class FlagCounts(Schema):
    red: int = Field(description="Gældende røde flag (afdelingernes medregnet).")
    yellow: int = Field(description="Gældende gule flag (afdelingernes medregnet).")


class OrganisationOut(FlagCounts):
    org_no: str
    name: str
    supervising_municipality: MunicipalityOut
    address: str
    postcode: str
    city: str
    cvr: str
    estate_count: int
    homes: int


class OrganisationDetailOut(OrganisationOut):
    fiscal_year_end: str = Field(description="Regnskabsårets afslutning, MM-DD.")
    valid_from: datetime.date | None
    valid_to: datetime.date | None


class EstateOut(FlagCounts):
    estate_no: str
    number: str = Field(description="Organisations- og afdelingsnummer med bindestreg: NNNN-NNN.")
    name: str
    municipality: MunicipalityOut = Field(description="Beliggenhedskommunen.")
    homes: int
    area_m2: float
    year_built: int
    home_type: str
    building_type: str


class KeyFigureOut(Schema):
    code: str
    name: str
    unit: str
    for_organisations: bool
    for_estates: bool
    direction: Literal["up", "down", "context"] = Field(
        description="up: højere er værre; down: lavere er værre; context: kun til sammenhæng."
    )
    kind: Literal["decimal", "count", "bool", "date"]
    derived: bool
    decimals: int = Field(description="Antal decimaler, portalen viser tallet med.")
    description: str
    guidance_url: str | None

    @staticmethod
    def resolve_guidance_url(figure, context):
        page = figure.guidance_page
        return page.get_url(context["request"]) if page is not None and page.live else None


class KeyFigureValueOut(Schema):
    figure: str = Field(description="Nøgletallets kode.")
    year: int
    value: NaturalValue
    display: str = Field(
        description="Værdien, som portalen viser den: dato som «30. juni 2024», Ja/Nej, tal "
        "med nøgletallets decimaler og danske skilletegn; «–» når den mangler."
    )
    flag: Literal["red", "yellow"] | None = Field(
        description="Det alvorligste gældende flag på tallet i året."
    )


class KeyFigureValuesOut(Schema):
    organisation: str
    estate: str | None
    values: list[KeyFigureValueOut]


def _display(figure, value):
    """A flag's number as the portal shows it, when it is one figure's value."""
    return formatting.format_value(figure, value) if figure and value is not None else None


class FlagOut(Schema):
    id: int
    year: int
    severity: Literal["red", "yellow"]
    rule: str
    rule_name: str
    figure: str | None
    organisation: str
    estate: str | None
    value: NaturalValue
    value_display: str | None = Field(
        description="Værdien, som portalen viser den (kun for regler om ét nøgletal)."
    )
    threshold: float | None
    threshold_display: str | None = Field(
        description="Grænsen, som portalen viser den (kun for regler om ét nøgletal)."
    )
    explanation: str
    status: str
    new: bool = Field(
        description="Sand, hvis flaget åbner en ny sag (reglen gav ikke flag året før)."
    )
    url: str = Field(description="Flagets side i portalen.")

    @staticmethod
    def resolve_rule(flag):
        return flag.rule.code

    @staticmethod
    def resolve_rule_name(flag):
        return flag.rule.name

    @staticmethod
    def resolve_figure(flag):
        return flag.figure.code if flag.figure else None

    @staticmethod
    def resolve_organisation(flag):
        return flag.organisation.org_no

    @staticmethod
    def resolve_estate(flag):
        return flag.estate.estate_no if flag.estate else None

    @staticmethod
    def resolve_value(flag):
        figure = flag.figure
        return formatting.natural_value(figure, flag.value) if figure else flag.value

    @staticmethod
    def resolve_value_display(flag):
        return _display(flag.figure, flag.value)

    @staticmethod
    def resolve_threshold_display(flag):
        return _display(flag.figure, flag.threshold)

    @staticmethod
    def resolve_status(flag):
        return flag.case.status

    @staticmethod
    def resolve_new(flag):
        return flag.is_new_case

    @staticmethod
    def resolve_url(flag):
        return reverse("monitoring:flag", args=[flag.pk])
