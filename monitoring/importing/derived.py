"""Derived key figures (D in the catalogue): computed from the imported ones, never imported."""

import numpy as np
import pandas as pd


def _column(values, code):
    return values[code] if code in values else pd.Series(np.nan, index=values.index)


def ratio(numerator, denominator, factor):
    """numerator / denominator × factor; missing where either is missing or the denominator is 0."""
    return (numerator / denominator.where(denominator > 0)) * factor


def add_row_figures(values):
    """Figures derived within one row (an estate, or for evictions also an organisation)."""
    homes = _column(values, "homes")
    rent_roll = _column(values, "rent_per_m2") * _column(values, "area_m2")
    values["vacancy_rate_pct"] = ratio(_column(values, "vacant_homes"), homes, 100)
    values["turnover_pct"] = ratio(_column(values, "moveouts"), homes, 100)
    values["annual_result_pct"] = ratio(_column(values, "annual_result_kr"), rent_roll, 100)
    values["accumulated_deficit_pct"] = ratio(
        _column(values, "accumulated_deficit_kr"), rent_roll, 100
    )
    values["evictions_per_1000"] = ratio(
        _column(values, "evictions"), _column(values, "tenancy_units"), 1000
    )
    return values


def organisation_rates(estates):
    """Each organisation's vacancy and turnover rates over its estates, weighted by homes.

    `estates` has `organisation_id`, `homes`, `vacant_homes` and `moveouts`; an estate counts
    towards a rate only when it reported that figure's numerator.
    """
    rates = {}
    homes = _column(estates, "homes")
    for code, numerator in (("vacancy_rate_pct", "vacant_homes"), ("turnover_pct", "moveouts")):
        counts = _column(estates, numerator)
        reported = counts.notna() & homes.notna()
        totals = (
            pd.DataFrame({"count": counts[reported], "homes": homes[reported]})
            .groupby(estates.loc[reported, "organisation_id"])
            .sum()
        )
        rates[code] = ratio(totals["count"], totals["homes"], 100)
    return pd.DataFrame(rates)
