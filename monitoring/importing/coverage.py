"""The coverage check: a year's file replaces the year only if it has a row for every
organisation and estate that owes figures for it (monitoring/reporting_duty.py), unless the
user asks for a partial import; the ones it would leave without values are named."""

from dataclasses import dataclass

import pandas as pd
from django.db.models import Max
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from monitoring import reporting_duty
from monitoring.models import Estate, KeyFigureValue, Organisation


@dataclass(frozen=True)
class Uncovered:
    """Ids of the organisations and estates that owe figures for the year but have no row."""

    organisations: list
    estates: list

    def __len__(self):
        return len(self.organisations) + len(self.estates)

    def as_summary(self):
        return {"organisations": len(self.organisations), "estates": len(self.estates)}


def uncovered(year, organisation_ids, estate_ids):
    """What a file with rows for `organisation_ids` and `estate_ids` leaves out of `year`."""
    latest = max(KeyFigureValue.objects.aggregate(latest=Max("year"))["latest"] or year, year)
    missing = {}
    for level, present in (("org", organisation_ids), ("estate", estate_ids)):
        entities = reporting_duty.valid_in(reporting_duty.register(level), year)
        entities = entities[~entities.index.isin(list(present))]
        # Only a historical year needs to know who, of those left out, had reported by then.
        first = (
            reporting_duty.first_reported(level, entities.index.tolist())
            if year < latest and not entities.empty
            else pd.Series(dtype=float)
        )
        owed = reporting_duty.owed(entities, first, [year], latest)
        missing[level] = sorted(owed.get_level_values("entity").tolist())
    return Uncovered(missing["org"], missing["estate"])


def report(uncovered, year, problems):
    """One problem saying what the import would lose, then one naming each entity."""
    problems.add(
        _(
            "Filen dækker ikke registret for %(year)s: %(entities)s, som skal indberette for "
            "året, har ingen række. Importen ville fjerne deres nøgletal for %(year)s. Ret "
            "filen, eller indlæs den som delvis import, hvis det er meningen."
        )
        % {"year": year, "entities": entities_text(uncovered.as_summary())}
    )
    org_numbers = Organisation.objects.filter(pk__in=uncovered.organisations).values_list(
        "org_no", flat=True
    )
    _name_each(
        problems, "org_no", _("Boligorganisation %(number)s har ingen række i filen."), org_numbers
    )
    estates = Estate.objects.filter(pk__in=uncovered.estates).select_related("organisation")
    numbers = [estate.number for estate in estates.only("estate_no", "organisation__org_no")]
    _name_each(problems, "estate_no", _("Afdeling %(number)s har ingen række i filen."), numbers)


def _name_each(problems, column, template, numbers):
    problems.add_rows(
        [0] * len(numbers),
        column,
        [template % {"number": number} for number in numbers],
        cause=template,
    )


def entities_text(counts):
    """{"organisations": 2, "estates": 1} as "2 boligorganisationer og 1 afdeling" (zero counts
    left out)."""
    organisations, estates = counts.get("organisations", 0), counts.get("estates", 0)
    parts = []
    if organisations:
        parts.append(
            ngettext("%(count)s boligorganisation", "%(count)s boligorganisationer", organisations)
            % {"count": _number(organisations)}
        )
    if estates:
        parts.append(
            ngettext("%(count)s afdeling", "%(count)s afdelinger", estates)
            % {"count": _number(estates)}
        )
    if len(parts) == 2:
        return _("%(first)s og %(second)s") % {"first": parts[0], "second": parts[1]}
    return parts[0] if parts else ""


def _number(count):
    return formats.number_format(count, force_grouping=True)
