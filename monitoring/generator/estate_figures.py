"""Key figures of every estate and year, drawn at once as estate × year arrays.

Drivers shared by the figures: the organisation's quality `q` (better run organisations save
more, run cheaper and collect rent better), the region, the home type, and a distress episode
that raises vacancy, turnover, arrears and deficits together.
"""

import numpy as np

from . import config
from .panel import YEARS
from .persistence import ar1, uniform

RHO = config.PERSISTENCE


def _lookup(mapping, keys, default=None):
    return np.array([mapping.get(k, default) for k in keys], dtype=float)


def _persistent(rng, n_estates, sd_estate, sd_year, rho):
    """Log-scale noise: a lasting estate effect plus a yearly deviation that remembers the
    year before (correlation `rho`)."""
    return rng.normal(0, sd_estate, (n_estates, 1)) + ar1(rng, n_estates, sd_year, rho)


def simulate(rng, estates, q, homes, exists):
    """All imported estate figures plus the internal result and deficit percentages."""
    n = len(estates)
    q = q[:, None]
    region = estates["region"].to_numpy()
    home_type = estates["home_type"].to_numpy()
    year_built = estates["year_built"].to_numpy()
    first_year = estates["first_year"].to_numpy()[:, None]
    distress = _distress(rng, n, q[:, 0]) & exists

    area = homes * estates["m2_per_home"].to_numpy()[:, None]
    units = homes + np.where(rng.random((n, 1)) < 0.04, rng.integers(1, 6, (n, 1)), 0)
    rent = _rent(rng, n, region, home_type, year_built)
    vacant, vacancy_loss = _vacancy(rng, estates, homes, rent, q, distress)

    turnover = (
        _lookup(config.TURNOVER, home_type)[:, None]
        + _lookup(config.TURNOVER_REGION_SHIFT, region, 0.0)[:, None]
        - 0.008 * q
        + 0.08 * distress
    ) * np.exp(_persistent(rng, n, 0.3, 0.1, RHO["turnover"]))
    turnover = np.where(YEARS == first_year, turnover * 2, turnover)  # first lettings churn
    moveouts = rng.binomial(homes, np.clip(turnover, 0.01, 0.9))
    lettings = moveouts + rng.binomial(homes, 0.02)
    municipal_share = _lookup({"family": 0.25, "elderly": 0.6, "youth": 0.05}, home_type)
    growth = 1.02 ** (YEARS - 2020)

    ppv_effect = rng.normal(0, 0.45, (n, 1))
    ppv = 100 * growth * np.exp(0.15 * q + ppv_effect + ar1(rng, n, 0.15, RHO["provisions"]))
    saved_effect = 0.3 * ppv_effect / 0.45 + np.sqrt(1 - 0.09) * rng.normal(0, 1, (n, 1))
    saved = 38_000 * 1.03 ** (YEARS - 2019) * np.exp(0.55 * saved_effect)
    saved = saved * np.exp(ar1(rng, n, 0.05, RHO["provisions"]))
    scheme_a = (estates["scheme"].to_numpy() == "A")[:, None]
    refurb = np.where(scheme_a, 12, 3) * np.exp(_persistent(rng, n, 0.3, 0.15, RHO["context"]))
    other = np.where(
        rng.random((n, 1)) < 0.05, 25 * np.exp(_persistent(rng, n, 0.5, 0.1, RHO["context"])), 0.0
    )

    efficiency = config.EFFICIENCY_MEAN + config.EFFICIENCY_SD * (
        0.6 * q + 0.8 * rng.normal(0, 1, (n, 1))
    )
    efficiency = np.clip(efficiency + ar1(rng, n, 1.0, RHO["efficiency"]), 40, 100)
    efficiency = np.where(YEARS >= config.EFFICIENCY_FROM, efficiency, np.nan)

    result, deficit = _results(rng, n, q, distress)
    support = distress & (rng.random((n, 1)) < 0.4) | (rng.random((n, len(YEARS))) < 0.003)
    arrears = 0.8 * np.exp(
        -0.15 * q + 0.7 * distress + _persistent(rng, n, 0.85, 0.4, RHO["arrears"])
    )
    evictions = rng.poisson(units * 0.003 * np.sqrt(arrears / 0.8))
    no_job_logit = _lookup({"family": -0.85, "elderly": 1.1, "youth": -2.2}, home_type)[:, None]
    no_job = 100 / (
        1 + np.exp(-(no_job_logit - 0.2 * q + _persistent(rng, n, 0.5, 0.05, RHO["context"])))
    )

    figures = {
        "homes": homes,
        "tenancy_units": units,
        "area_m2": area,
        "rent_per_m2": rent,
        "vacant_homes": vacant,
        "long_vacant_homes": rng.binomial(vacant, 0.5),
        "vacancy_loss_per_m2": vacancy_loss,
        "moveout_loss_per_unit": 150
        * np.exp(-0.2 * q + 0.7 * distress + _persistent(rng, n, 0.9, 1.0, RHO["losses"])),
        "moveouts": moveouts,
        "lettings_total": lettings,
        "lettings_municipal": rng.binomial(lettings, municipal_share[:, None]),
        "ppv_provision_per_m2": ppv,
        "ppv_saved_per_home": saved,
        "refurb_per_m2": refurb,
        "other_provisions_per_m2": other,
        "efficiency_score": efficiency,
        "annual_result_pct": result,
        "accumulated_deficit_pct": deficit,
        "has_estate_board": np.broadcast_to(estates["board"].to_numpy()[:, None], homes.shape),
        "evictions": evictions,
        "arrears_pct": np.clip(arrears, 0, 100),
        "residents_no_job_pct": no_job,
        "special_support": support,
    }
    return {code: np.where(exists, values, np.nan) for code, values in figures.items()}


def _distress(rng, n, q):
    """One episode of 2–5 years for a few estates, more often in weaker organisations."""
    weight = np.exp(-0.6 * q)
    hit = rng.random(n) < config.DISTRESS_SHARE * weight / weight.mean()
    start = rng.integers(config.FIRST_YEAR, config.LAST_YEAR + 1, n)
    length = rng.integers(2, 6, n)
    return (hit & (YEARS[:, None] >= start) & (YEARS[:, None] < start + length)).T


def _rent(rng, n, region, home_type, year_built):
    """Rent per m²: regional family rent of 2021 × home type, new builds dearer, indexed by a
    sector growth of 1.1–2.9 % a year with a little estate spread."""
    new_premium = np.where(year_built >= 2000, 0.15 + 0.15 * (year_built - 2000) / 24, 0.0)
    base = (
        _lookup(config.RENT_2021, region)
        * _lookup(config.RENT_TYPE_FACTOR, home_type)
        * (1 + new_premium)
        * np.exp(rng.normal(0, 0.08, n))
    )
    sector = rng.uniform(0.011, 0.029, len(YEARS))
    yearly = 1 + sector + rng.normal(0, 0.004, (n, len(YEARS)))
    yearly[:, 0] = 1
    index = np.cumprod(yearly, axis=1)
    index /= index[:, [list(YEARS).index(2021)]]
    return np.clip(base[:, None] * index, *config.RENT_CLIP)


def _vacancy(rng, estates, homes, rent, q, distress):
    """Zero-inflated vacancy: most estates have none; where there is some, larger estates,
    youth homes, flats, new builds and weak organisations have more. The loss follows the
    vacancy and the rent (part of the year), plus short vacancies between tenants."""
    n = len(estates)
    region = estates["region"].to_numpy()
    p_any = 1 - _lookup(config.VACANCY_P0, region, config.VACANCY_P0_DEFAULT)
    factor = (
        _lookup({"youth": 2.0}, estates["home_type"], 1.0)
        * _lookup({"block": 1.3, "low_rise": 0.8}, estates["building_type"], 1.0)
        * np.where(estates["year_built"].to_numpy() >= 2010, 1.5, 1.0)
    )
    year_factor = _lookup(config.VACANCY_YEAR_FACTOR, YEARS)
    north_mid = np.isin(region, [config.NORDJYLLAND, config.MIDTJYLLAND])[:, None]
    year_factor = np.where(north_mid & (YEARS >= 2022), year_factor * 1.3, year_factor)
    size = np.clip((np.maximum(homes, 1) / 150) ** 1.5, 0.05, 3.0)
    p = (
        (p_any * factor)[:, None]
        * year_factor
        * size
        * np.exp(-0.3 * q + rng.normal(0, 0.5, (n, 1)))
    )
    p = np.where(distress, 0.9, np.clip(p, 0, 0.95))
    level = 0.006 * np.exp(rng.normal(0, 0.8, (n, 1))) * np.where(distress, 6, 1)
    vacant = np.where(uniform(rng, n, RHO["vacancy"]) < p, 1 + rng.poisson(homes * level), 0)
    vacant = np.minimum(vacant, homes)
    share = vacant / np.maximum(homes, 1)
    short = np.where(
        uniform(rng, n, RHO["losses"]) < 0.35, 0.002 + 0.018 * uniform(rng, n, RHO["losses"]), 0.0
    )
    loss = rent * (share * (0.3 + 0.7 * uniform(rng, n, RHO["losses"])) + short)
    return vacant, loss


def _results(rng, n, q, distress):
    """Annual result and accumulated deficit in % of the rent roll, year by year: estates
    budget for a small surplus and repay a deficit over about three years; distressed estates
    lose 3–10 % a year."""
    noise = config.RESULT_MEAN_PCT + 0.2 * q + ar1(rng, n, config.RESULT_SD_PCT, RHO["result"])
    loss = -rng.uniform(3, 10, (n, len(YEARS)))
    result = np.empty((n, len(YEARS)))
    deficit = np.empty((n, len(YEARS)))
    previous = np.zeros(n)
    for t in range(len(YEARS)):  # the deficit carries over: one vectorised step per year
        result[:, t] = np.where(
            distress[:, t], loss[:, t], noise[:, t] + config.DEFICIT_REPAYMENT * previous
        )
        previous = np.maximum(0, previous - result[:, t])
        deficit[:, t] = previous
    return result, deficit


def add_money(figures):
    """Kroner figures from the percentages: result and deficit of the rent roll, and operating
    cost as the rent the result did not keep."""
    rent_roll = figures["rent_per_m2"] * figures["area_m2"]
    result = figures["annual_result_pct"]
    figures["annual_result_kr"] = np.round(result / 100 * rent_roll)
    figures["accumulated_deficit_kr"] = np.round(
        figures["accumulated_deficit_pct"] / 100 * rent_roll
    )
    figures["operating_cost_per_m2"] = figures["rent_per_m2"] * (1 - result / 100)
