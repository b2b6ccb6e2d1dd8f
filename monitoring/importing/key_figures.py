"""Validation and shaping of a key-figure file (domain brief §7) into long-format values."""

from dataclasses import dataclass

import numpy as np
import pandas as pd
from django.utils.translation import gettext as _

from monitoring.models import KeyFigure, Organisation, ValueKind

from . import checks, derived
from .entities import estate_keys
from .reading import LINE

KEYS = ("year", "level", "org_no", "estate_no")
PADDED = {"org_no": 4, "estate_no": 3}
REQUIRED = {"estate": ("homes", "area_m2"), "org": ("tenancy_units",)}
# Bounds beyond the value kind's own: denominators must be positive, some amounts can't be negative.
POSITIVE = {"homes", "area_m2"}
NON_NEGATIVE = {"rent_per_m2", "accumulated_deficit_kr", "admin_fee_per_unit"}
SCORES = {"efficiency_score"}
# Counts that cannot exceed the estate's homes.
PART_OF_HOMES = ("vacant_homes", "long_vacant_homes")


def catalogue():
    """The key figures by code, as plain dicts."""
    return {
        figure["code"]: figure
        for figure in KeyFigure.objects.values(
            "id", "code", "for_organisations", "for_estates", "kind", "derived"
        )
    }


@dataclass(frozen=True)
class Shaped:
    """A valid file: its values (and the derived ones) as a long frame with `figure_id`,
    `organisation_id`, `estate_id` and `value`, and the ids of the entities it has rows for."""

    values: pd.DataFrame
    organisation_ids: set
    estate_ids: set


def validate_and_shape(frame, year, problems):
    """The file as Shaped; None when any problem was found."""
    figures = catalogue()
    imported = {code: figure for code, figure in figures.items() if not figure["derived"]}
    if not checks.check_header(
        frame, problems, required=KEYS, optional=imported, extra_known=figures
    ):
        return None
    for column in frame.columns:
        if column in figures and figures[column]["derived"]:
            problems.add(
                _("Nøgletallet beregnes af portalen og må ikke stå i filen."),
                line=1,
                column=column,
            )
    codes = [column for column in frame.columns if column in imported]
    if frame.empty:
        problems.add(_("Filen indeholder ingen rækker."))

    is_org, is_estate = _check_keys(frame, year, problems)
    _check_levels(frame, codes, imported, is_org, is_estate, problems)
    values = pd.DataFrame(
        {code: _parse(frame, code, imported[code]["kind"], problems) for code in codes},
        index=frame.index,
    )
    for code in PART_OF_HOMES:
        if code in values and "homes" in values:
            too_many = values[code] > values["homes"]
            checks.report(
                frame, too_many, code, problems, _("«%(value)s» er flere end antal boliger.")
            )
    organisation_ids, estate_ids = _entity_ids(frame, is_org, is_estate, problems)
    if problems:
        return None

    values["organisation_id"] = organisation_ids
    values["estate_id"] = estate_ids
    derived.add_row_figures(values)
    rates = derived.organisation_rates(values[is_estate])
    rows = pd.concat(
        [values, rates.rename_axis("organisation_id").reset_index()], ignore_index=True
    )
    return Shaped(
        _long(rows, figures),
        set(organisation_ids[is_org].astype("int64")),
        set(estate_ids[is_estate].astype("int64")),
    )


def _check_keys(frame, year, problems):
    years = checks.parse_number(frame, "year", problems, integer=True)
    checks.check_filled(frame, "year", problems)
    wrong_year = years.notna() & (years != year)
    checks.report(
        frame,
        wrong_year,
        "year",
        problems,
        _("Året %%(value)s passer ikke til importåret %(year)s.") % {"year": year},
    )
    checks.check_filled(frame, "level", problems)
    checks.check_choices(frame, "level", problems, ["org", "estate"])
    is_org = frame["level"].eq("org")
    is_estate = frame["level"].eq("estate")
    checks.check_filled(frame, "org_no", problems)
    checks.check_pattern(
        frame, "org_no", problems, r"\d{4}", _("«%(value)s» er ikke et firecifret nummer.")
    )
    checks.check_filled(frame, "estate_no", problems, rows=is_estate)
    checks.check_pattern(
        frame,
        "estate_no",
        problems,
        r"\d{3}",
        _("«%(value)s» er ikke et trecifret nummer."),
        rows=is_estate,
    )
    problems.add_rows(
        frame.loc[is_org & frame["estate_no"].ne(""), LINE],
        "estate_no",
        _("Skal være tom på en række for en boligorganisation."),
    )
    return is_org, is_estate


def _check_levels(frame, codes, figures, is_org, is_estate, problems):
    """Figures on a row of the wrong level, and required figures that are missing."""
    for code in codes:
        filled = frame[code].ne("")
        if not figures[code]["for_organisations"]:
            problems.add_rows(
                frame.loc[is_org & filled, LINE],
                code,
                _("Nøgletallet gælder kun afdelinger, ikke boligorganisationer."),
            )
        if not figures[code]["for_estates"]:
            problems.add_rows(
                frame.loc[is_estate & filled, LINE],
                code,
                _("Nøgletallet gælder kun boligorganisationer, ikke afdelinger."),
            )
    for level, rows in (("estate", is_estate), ("org", is_org)):
        for code in REQUIRED[level]:
            if code in frame:
                checks.check_filled(frame, code, problems, rows=rows)
            elif rows.any():
                problems.add(_("Kolonnen mangler."), line=1, column=code)


def _parse(frame, code, kind, problems):
    if kind == ValueKind.BOOLEAN:
        return checks.parse_boolean(frame, code, problems)
    if kind == ValueKind.DATE:
        return checks.days_since_epoch(checks.parse_date(frame, code, problems))
    bounds = {}
    if kind == ValueKind.COUNT:
        bounds = {"integer": True, "minimum": 0}
    if code.endswith("_pct") or code in SCORES:
        bounds = {"minimum": 0, "maximum": 100}
    elif code in NON_NEGATIVE:
        bounds["minimum"] = 0
    return checks.parse_number(frame, code, problems, positive=code in POSITIVE, **bounds)


def _entity_ids(frame, is_org, is_estate, problems):
    """The organisation and estate ids of each row; unknown numbers and duplicates are problems."""
    org_ids = frame["org_no"].map(dict(Organisation.objects.values_list("org_no", "id")))
    well_formed = frame["org_no"].str.fullmatch(r"\d{4}") & (is_org | is_estate)
    checks.report(
        frame,
        well_formed & org_ids.isna(),
        "org_no",
        problems,
        _("Boligorganisation %(value)s findes ikke – indlæs organisationer og afdelinger først."),
    )
    key = frame["org_no"] + "-" + frame["estate_no"]
    estate_ids = key.where(is_estate).map(estate_keys())
    unknown = is_estate & org_ids.notna() & frame["estate_no"].str.fullmatch(r"\d{3}")
    checks.report(
        frame,
        unknown & estate_ids.isna(),
        "estate_no",
        problems,
        _("Afdeling %(value)s findes ikke – indlæs organisationer og afdelinger først."),
        cells=key,
    )
    checks.report_duplicates(frame, key.str.rstrip("-"), problems, "org_no", well_formed)
    return org_ids, estate_ids


def _long(rows, figures):
    """One row per entity and figure with a value."""
    codes = [code for code in rows.columns if code in figures]
    long = rows.melt(
        id_vars=["organisation_id", "estate_id"], value_vars=codes, var_name="code"
    ).dropna(subset=["value"])
    long = long[np.isfinite(long["value"])]
    long["figure_id"] = long["code"].map({code: figures[code]["id"] for code in codes})
    long["organisation_id"] = long["organisation_id"].astype("int64")
    long["estate_id"] = long["estate_id"].astype("Int64")
    return long[["figure_id", "organisation_id", "estate_id", "value"]].reset_index(drop=True)
