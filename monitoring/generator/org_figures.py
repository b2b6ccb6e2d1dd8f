"""Key figures of every organisation and year: sums of its estates, funds against the
statutory ceilings, the administration fee and governance (accounts, meeting, auditor)."""

import numpy as np

from monitoring.key_figures_data import STATUTORY_RATES

from . import config
from .panel import YEARS, per_org
from .persistence import ar1

RHO = config.PERSISTENCE

RATES = np.array([STATUTORY_RATES[y] for y in YEARS], dtype=float)
FUND_CEILING, WORKING_CAPITAL_CEILING = RATES[:, 1], RATES[:, 3]
NO_DATE = np.datetime64("NaT")


def simulate(rng, orgs, estate_figures, estate_org, estate_exists):
    n = len(orgs)
    exists = YEARS <= orgs["last_year"].to_numpy()[:, None]
    q = orgs["q"].to_numpy()[:, None]

    def total(code):
        return per_org(np.nan_to_num(estate_figures[code]), estate_org, estate_exists, n)

    units = total("tenancy_units")
    rent_roll = np.nan_to_num(estate_figures["rent_per_m2"] * estate_figures["area_m2"])
    roll = per_org(rent_roll, estate_org, estate_exists, n)
    arrears = per_org(
        rent_roll * np.nan_to_num(estate_figures["arrears_pct"]), estate_org, estate_exists, n
    ) / np.maximum(roll, 1)
    vacancy_loss = per_org(
        np.nan_to_num(estate_figures["vacancy_loss_per_m2"] * estate_figures["area_m2"]),
        estate_org,
        estate_exists,
        n,
    )

    admin_fee = (
        config.ADMIN_FEE_BASE_2024
        * 1.02 ** (YEARS - config.LAST_YEAR)
        * np.exp(
            rng.normal(0, config.ADMIN_FEE_SIGMA, (n, 1)) + ar1(rng, n, 0.02, RHO["admin_fee"])
        )
        * np.where(units < 300, 1 + config.ADMIN_FEE_SMALL_PREMIUM, 1)
    )
    working_capital = WORKING_CAPITAL_CEILING * (
        config.WORKING_CAPITAL_MEDIAN
        + 0.15 * q
        + rng.normal(0, 0.3, (n, 1))
        + ar1(rng, n, 0.12, RHO["funds"])
    )
    free_fund = _free_fund(rng, n, q) * FUND_CEILING - 0.5 * vacancy_loss / np.maximum(units, 1)
    tied_fund = np.clip(6_000 * np.exp(rng.normal(0, 0.7, (n, 1))), 0, 20_000) * np.ones(len(YEARS))
    other_equity = 25_000 * np.exp(rng.normal(0, 0.5, (n, 1)))

    weakness = np.exp(-0.7 * q)
    weakness = weakness / weakness.mean()
    figures = {
        "tenancy_units": units,
        "evictions": total("evictions"),
        "arrears_pct": arrears,
        "admin_fee_per_unit": admin_fee,
        "working_capital_per_unit": working_capital,
        "disp_fund_free_per_unit": free_fund,
        "disp_fund_tied_per_unit": tied_fund,
        "equity_kr": np.round(units * (free_fund + tied_fund + working_capital + other_equity)),
        "auditor_qualified": rng.random((n, len(YEARS))) < config.QUALIFIED_SHARE * weakness,
        "auditor_remarks": rng.poisson(0.12 * weakness * np.ones(len(YEARS))),
    }
    figures = {code: np.where(exists, values, np.nan) for code, values in figures.items()}
    figures["accounts_received_date"], figures["steering_meeting_date"] = _governance(
        rng, n, weakness, exists
    )
    return figures


def _free_fund(rng, n, q):
    """Multiple of the ceiling: median 1.1, tight below and wide above; a few organisations
    have spent more than they had."""
    z = (0.5 * q + rng.normal(0, 0.75, (n, 1)) + ar1(rng, n, 0.3, RHO["funds"])) / 0.95
    multiple = config.FREE_FUND_MEDIAN * np.exp(
        np.where(z < 0, config.FREE_FUND_SIGMA_LOW, config.FREE_FUND_SIGMA_HIGH) * z
    )
    overdrawn = rng.random((n, 1)) < config.FREE_FUND_NEGATIVE_SHARE
    return np.where(overdrawn, -rng.uniform(0.01, 0.3, (n, len(YEARS))), multiple)


def _governance(rng, n, weakness, exists):
    """Accounts: due 31 May of the next year, most arrive in March–May, some late, some never.
    Meetings: in the autumn after. Anything dated after the evaluation date is not yet known."""
    year_end = np.array([np.datetime64(f"{y}-12-31") for y in YEARS])
    draw = rng.random((n, len(YEARS)))
    missing = draw < config.ACCOUNTS_MISSING_SHARE * weakness
    late = ~missing & (
        draw < (config.ACCOUNTS_MISSING_SHARE + config.ACCOUNTS_LATE_SHARE) * weakness
    )
    days = np.where(late, rng.integers(153, 290, draw.shape), rng.integers(60, 152, draw.shape))
    accounts = year_end + days.astype("timedelta64[D]")
    held = rng.random(draw.shape) < config.MEETING_HELD_SHARE**weakness
    meeting = year_end + rng.integers(227, 349, draw.shape).astype("timedelta64[D]")
    known = np.datetime64(config.EVALUATION_DATE)
    accounts = np.where(exists & ~missing & (accounts <= known), accounts, NO_DATE)
    meeting = np.where(exists & held & (meeting <= known), meeting, NO_DATE)
    return accounts, meeting
