"""The roll-up: each organisation's yearly assessment (rød, gul, grøn) from its own flags and its
estates' flags weighted by homes, computed for the whole country at once (docs/assessment.md).

Reads flags as (rule, severity, organisation, estate, year) and counts how many years in a row
each rule has flagged the same entity, so it works whatever decided the flags.
"""

import numpy as np
import pandas as pd
from django.utils import translation
from django.utils.translation import gettext as _

from . import formatting
from .models import Assessment, AssessmentPolicy, Flag, OrganisationAssessment, Severity
from .rules.dataset import ESTATE, ORGANISATION

RANKS = {Assessment.RED: 0, Assessment.YELLOW: 1, Assessment.GREEN: 2}
STORED = [
    "assessment",
    "rank",
    "score",
    "red_flags",
    "yellow_flags",
    "homes",
    "red_homes_share",
    "homes_affected_share",
    "reasons",
]
# Rules named in a reason, at most.
NAMED_RULES = 3


def policy():
    """The editors' assessment parameters (the model's defaults if none is installed)."""
    return AssessmentPolicy.objects.order_by("pk").first() or AssessmentPolicy()


def current_flags(years=None):
    """The current flags as a frame, read in one query."""
    flags = Flag.objects.filter(is_current=True)
    if years is not None:
        flags = flags.filter(year__in=years)
    rows = flags.values_list("rule__code", "severity", "organisation_id", "estate_id", "year")
    frame = pd.DataFrame.from_records(
        list(rows), columns=["rule", "severity", "organisation", "estate", "year"]
    )
    frame["estate"] = frame["estate"].astype(float)
    return frame


def persistence(flags):
    """For each flag, how many years in a row (up to its year) the rule flagged the entity."""
    flags = flags.sort_values(["rule", "organisation", "estate", "year"], na_position="first")
    keys = flags[["rule", "organisation", "estate"]].fillna(-1)
    same = (keys == keys.shift()).all(axis=1) & (flags["year"].diff() == 1)
    run = (~same).cumsum()
    return (flags.groupby(run).cumcount() + 1).reindex(flags.index)


def assess(flags, estates, organisation_years, parameters):
    """One row per (organisation, year) of `organisation_years` with the STORED columns.

    `flags`: rule, severity, organisation, estate (NaN for the organisation's own), year;
    `estates`: homes and organisation by estate id.
    """
    flags = flags.copy()
    flags["years"] = persistence(flags) if len(flags) else pd.Series(dtype=int)
    red = flags["severity"] == Severity.RED
    flags["points"] = np.where(red, parameters.red_weight, parameters.yellow_weight) * (
        1
        + parameters.persistence_weight
        * (np.minimum(flags["years"], parameters.persistence_years) - 1).clip(lower=0)
    )
    org_homes = estates.groupby("organisation")["homes"].sum()
    own = flags["estate"].isna()
    estate_share = (
        flags["estate"].map(estates["homes"]) / flags["organisation"].map(org_homes)
    ).fillna(0)
    flags["weighted"] = np.where(
        own, flags["points"], flags["points"] * estate_share * 100 / parameters.estate_share
    )
    flags["red"] = red
    index = pd.MultiIndex.from_frame(organisation_years, names=["organisation", "year"])
    by_org = flags.groupby(["organisation", "year"])
    result = pd.DataFrame(index=index)
    result["score"] = by_org["weighted"].sum().reindex(index, fill_value=0).round(1)
    result["red_flags"] = by_org["red"].sum().reindex(index, fill_value=0).astype(int)
    result["yellow_flags"] = by_org.size().reindex(index, fill_value=0) - result["red_flags"]
    result["homes"] = (
        result.index.get_level_values("organisation").map(org_homes).fillna(0).astype(int)
    )
    on_estates = flags[~own]
    worst = on_estates.groupby(["organisation", "year", "estate"])["red"].max().reset_index()
    worst["homes"] = worst["estate"].map(estates["homes"]).fillna(0)
    affected = worst.groupby(["organisation", "year"])["homes"].sum()
    red_homes = worst[worst["red"]].groupby(["organisation", "year"])["homes"].sum()
    homes = result["homes"].replace(0, np.nan).to_numpy()
    result["homes_affected_share"] = _share(affected.reindex(index), homes)
    result["red_homes_share"] = _share(red_homes.reindex(index), homes)
    is_red = (result["score"] >= parameters.red_score) | (
        result["red_homes_share"] >= parameters.red_homes_share
    )
    is_yellow = (result["score"] >= parameters.yellow_score) | (
        result["homes_affected_share"] >= parameters.yellow_homes_share
    )
    result["assessment"] = np.where(
        is_red, Assessment.RED, np.where(is_yellow, Assessment.YELLOW, Assessment.GREEN)
    )
    result["rank"] = result["assessment"].map(RANKS)
    result["reasons"] = _reasons(flags, result)
    return result.reset_index()


def _share(homes, total):
    return np.round(100 * np.nan_to_num(homes.to_numpy(dtype=float) / total), 1)


def _reasons(flags, result):
    """A short Danish text per row naming the rules that weigh most (own flags, then estates)."""
    keys = ["organisation", "year"]
    with translation.override("da"):
        own = _top(flags[flags["estate"].isna()].copy())
        red, yellow = _("rød"), _("gul")
        own["text"] = (
            own["rule"]
            + " "
            + np.where(own["red"], red, yellow)
            + np.where(
                own["years"] > 1,
                " " + own["years"].astype(str) + " " + _("år i træk"),
                "",
            )
        )
        own_text = own.groupby(keys)["text"].agg(", ".join).to_dict()
        estate_rules = (
            flags[flags["estate"].notna()].groupby([*keys, "rule"])["weighted"].sum().reset_index()
        )
        estate_rules = _top(estate_rules).groupby(keys)["rule"].agg(", ".join).to_dict()
        on_red = _("%(share)s %% af boligerne i afdelinger med rødt flag (%(rules)s)")
        on_flagged = _("%(share)s %% af boligerne i afdelinger med flag (%(rules)s)")
        texts = []
        for key, red_share, share in zip(
            result.index, result["red_homes_share"], result["homes_affected_share"], strict=True
        ):
            parts = [own_text[key]] if key in own_text else []
            if key in estate_rules:
                template, share = (on_red, red_share) if red_share > 0 else (on_flagged, share)
                parts.append(template % {"share": _percent(share), "rules": estate_rules[key]})
            text = "; ".join(parts)
            texts.append(text[:1].upper() + text[1:300] if text else _("Ingen flag"))
        return texts


def _top(frame):
    """Each organisation-year's NAMED_RULES rows of most weight (ties by rule code)."""
    frame = frame.sort_values(
        ["organisation", "year", "weighted", "rule"], ascending=[True, True, False, True]
    )
    return frame[frame.groupby(["organisation", "year"]).cumcount() < NAMED_RULES]


def _percent(share):
    return formatting.format_number(share, 0) if share >= 1 else _("under 1")


def refresh(data, years=None):
    """Assess every organisation that owes or has figures in `years` (default: every year of
    `data`) and store the result."""
    rows = [
        pd.DataFrame(
            {
                "organisation": data.attribute(level, "organisation").to_numpy(),
                "year": data.values[level].index.get_level_values("year"),
            }
        )
        for level in (ORGANISATION, ESTATE)
    ]
    organisation_years = pd.concat(rows).dropna().astype(np.int64).drop_duplicates()
    if years is None:
        years = sorted(organisation_years["year"].unique().tolist())
    organisation_years = organisation_years[organisation_years["year"].isin(years)]
    organisation_years = organisation_years.sort_values(["organisation", "year"])
    flags = current_flags(years=None if not years else range(min(years) - 20, max(years) + 1))
    frame = assess(flags, data.entities[ESTATE], organisation_years, policy())
    return store(frame, years)


def store(frame, years):
    """Make the stored assessments of `years` exactly `frame`: create, update and delete only the
    rows that differ (compared as plain tuples)."""
    existing = {
        (organisation, year): (pk, tuple(values))
        for pk, organisation, year, *values in OrganisationAssessment.objects.filter(
            year__in=years
        ).values_list("pk", "organisation_id", "year", *STORED)
    }
    created, changed = [], []
    columns = [frame[name].tolist() for name in ["organisation", "year", *STORED]]
    for organisation, year, *values in zip(*columns, strict=True):
        values = _plain(values)
        fields = dict(zip(STORED, values, strict=True))
        found = existing.pop((organisation, year), None)
        if found is None:
            created.append(
                OrganisationAssessment(organisation_id=organisation, year=year, **fields)
            )
        elif found[1] != tuple(values):
            changed.append(OrganisationAssessment(pk=found[0], **fields))
    OrganisationAssessment.objects.bulk_create(created, batch_size=2000)
    OrganisationAssessment.objects.bulk_update(changed, STORED, batch_size=1000)
    OrganisationAssessment.objects.filter(pk__in=[pk for pk, _ in existing.values()]).delete()
    return len(created), len(changed), len(existing)


def _plain(values):
    """Numpy scalars as the Python values the database returns, so equal rows compare equal."""
    return [value.item() if isinstance(value, np.generic) else value for value in values]
