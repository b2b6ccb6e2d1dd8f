"""Query parameters of the list endpoints, and what they select."""

from typing import Literal

from django.db.models import Count, Q
from ninja import Field, Schema

from monitoring.models import Severity
from monitoring.queries import through

DANISH_SEVERITY = {"rød": Severity.RED, "gul": Severity.YELLOW}


class YearFilter(Schema):
    year: int | None = Field(None, ge=1900, le=2100, description="Regnskabsår; uden år: alle år.")


class OrganisationFilters(YearFilter):
    municipality: int | None = Field(None, description="Tilsynskommunens kommunekode.")
    flagged: bool = Field(False, description="Kun organisationer med gældende flag.")


class FlagFilters(YearFilter):
    severity: Literal["red", "yellow", "rød", "gul"] | None = Field(
        None, description="red (rød) eller yellow (gul)."
    )
    municipality: int | None = Field(None, description="Tilsynskommunens kommunekode.")
    rule: str | None = Field(None, description="Flagreglens kode, fx T03.")

    def severity_value(self):
        return DANISH_SEVERITY.get(self.severity, self.severity)


def current_flag_lookups(year):
    """The current flags, of one year if given."""
    return {"is_current": True} | ({"year": year} if year is not None else {})


def flag_counts(year):
    """Annotations counting an entity's current red and yellow flags."""
    on_flags = through("flags", current_flag_lookups(year))
    return {
        "red": Count("flags", filter=on_flags & Q(flags__severity=Severity.RED)),
        "yellow": Count("flags", filter=on_flags & Q(flags__severity=Severity.YELLOW)),
    }
