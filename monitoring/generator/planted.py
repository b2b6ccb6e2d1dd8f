"""Planted patterns (domain brief §8): reserved organisations 99NN with known problems.

Planted entities get calm, typical figures that trip no rule, then the pattern's trajectory on
top. Each pattern lists the flags it must raise (`fire`) or must not raise (`silent`); the
generator writes them to planted_patterns.csv for the tests of the rules engine.
"""

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from monitoring.key_figures_data import STATUTORY_RATES

from . import config, entities
from .panel import YEARS


def fund_ceiling(year):
    return STATUTORY_RATES[year][1]


# org_no: (seat kommunekode, estates as (estate_no, homes, home_type, kommunekode or None))
ORGANISATIONS = {
    "9901": (851, [(1, 120, "family"), (2, 40, "elderly")]),
    "9902": (101, [(1, 200, "family"), (2, 80, "family")]),
    "9903": (773, [(1, 60, "family"), (2, 30, "family")]),
    "9904": (751, [(1, 120, "youth"), (2, 150, "family")]),
    "9905": (461, [(1, 80, "family"), (2, 40, "elderly")]),
    "9906": (330, [(1, 70, "family"), (2, 50, "family")]),
    "9907": (615, [(1, 90, "family"), (2, 60, "family")]),
    "9908": (147, [(1, 100, "family"), (2, 60, "family")]),
    "9909": (167, [(1, 150, "family"), (2, 40, "family")]),
    "9910": (630, [(n, 120, "family") for n in range(1, 11)]),
    "9911": (860, [(1, 100, "family"), (2, 60, "family")]),
    "9912": (265, [(1, 120, "family"), (2, 30, "elderly")]),
    "9913": (730, [(1, 180, "family"), (2, 50, "family")]),
    "9914": (101, [(1, 150, "family"), (2, 80, "family"), (3, 50, "family", 185)]),
    "9915": (851, [(1, 200, "youth")]),
    "9916": (561, [(1, 60, "family"), (2, 40, "family")]),
    "9917": (
        561,
        [
            (1, 100, "family"),
            (2, 80, "family"),
            (3, 60, "family"),
            (4, 40, "family"),
            (10, 60, "family"),
        ],
    ),
}
CALM_YEAR_BUILT = 1975
BUILT = {("9906", 1): 1968, ("9917", 10): 2023}
# N2: 9916 merges into 9917 in 2021; its estates continue as 9917-005 and 9917-006.
MERGER_YEAR, MERGED, ABSORBER, REKEYED_FROM = 2021, "9916", "9917", 5
NEW_ESTATE, NEW_ESTATE_YEAR = ("9917", 10), 2023


@dataclass
class Pattern:
    pattern_id: str
    org_no: str
    estate_no: int | None
    figures: dict = field(default_factory=dict)  # code: {year: value}
    fire: list = field(default_factory=list)  # (year, rule, severity)
    silent: list = field(default_factory=list)  # (year, rule)


def _each(years, value):
    return {y: value for y in years}


ALL_YEARS = config.YEARS
PATTERNS = [
    Pattern(
        "P01",
        "9901",
        None,
        {
            "disp_fund_free_per_unit": {
                2021: 1.1 * fund_ceiling(2021),
                2022: 0.45 * fund_ceiling(2022),
                2023: 0.2 * fund_ceiling(2023),
                2024: -300,
            }
        },
        fire=[(2022, "R01", "gul"), (2023, "R01", "gul"), (2024, "R01", "rød")],
    ),
    Pattern(
        "P02",
        "9902",
        None,
        {"working_capital_per_unit": {2023: -450, 2024: -450}},
        fire=[(2023, "R02", "rød"), (2024, "R02", "rød")],
    ),
    Pattern(
        "P03",
        "9903",
        1,
        {
            "vacant_homes": {2021: 0, 2022: 1, 2023: 2, 2024: 4},
            "long_vacant_homes": {2021: 0, 2022: 0, 2023: 1, 2024: 2},
            "vacancy_loss_per_m2": {2021: 0, 2022: 3, 2023: 6, 2024: 9},
        },
        fire=[(2023, "R03", "gul"), (2024, "R03", "rød"), (2024, "R13", "gul")],
    ),
    Pattern(
        "P04",
        "9904",
        1,
        {
            "vacant_homes": {2021: 1, 2022: 1, 2023: 1, 2024: 18},
            "long_vacant_homes": {2024: 9},
            "vacancy_loss_per_m2": {2021: 4, 2022: 4, 2023: 4, 2024: 150},
        },
        fire=[(2024, "R03", "rød"), (2024, "R04", "rød")],
    ),
    Pattern(
        "P05",
        "9905",
        1,
        {"moveouts": {2021: 8, 2022: 7, 2023: 22, 2024: 9}},
        fire=[(2023, "R05", "gul"), (2023, "R06", "rød")],
    ),
    Pattern(
        "P06",
        "9906",
        1,
        {
            "ppv_provision_per_m2": _each(range(2020, 2025), 5),
            "ppv_saved_per_home": _each(range(2020, 2025), 4_000),
        },
        fire=[(y, "R07", "rød") for y in range(2021, 2025)],
    ),
    Pattern(
        "P07",
        "9907",
        1,
        {
            "annual_result_pct": {2021: -4, 2022: -5, 2023: -6, 2024: 3},
            "accumulated_deficit_pct": {2021: 4, 2022: 9, 2023: 15, 2024: 12},
        },
        fire=[(y, "R08", "rød") for y in range(2021, 2025)]
        + [(2022, "R09", "gul"), (2023, "R09", "rød")],
    ),
    Pattern(
        "P08",
        "9908",
        1,
        {"rent_per_m2": {**{y: 1_350 / 1.02 ** (2023 - y) for y in ALL_YEARS}, 2024: 1_510}},
        fire=[(2024, "R10", "gul")],
    ),
    Pattern(
        "P09",
        "9909",
        1,
        {"efficiency_score": {2023: 58, 2024: 58}},
        fire=[(2023, "R11", "rød"), (2024, "R11", "rød")],
    ),
    Pattern(
        "P10",
        "9910",
        None,
        {"admin_fee_per_unit": _each(range(2022, 2025), 8_200)},
        fire=[(y, "R12", "gul") for y in range(2022, 2025)],
    ),
    Pattern(
        "P11",
        "9911",
        None,
        {
            "accounts_received_date": {2023: "2024-08-20", 2024: None},
            "steering_meeting_date": {2023: None, 2024: None},
        },
        fire=[(2023, "R14", "rød"), (2024, "R14", "gul")],
    ),
    Pattern(
        "P12",
        "9912",
        None,
        {"auditor_qualified": {2022: True}, "auditor_remarks": {2022: 3}},
        fire=[(2022, "R15", "rød")],
    ),
    Pattern(
        "P13",
        "9913",
        1,
        {
            "vacant_homes": {2023: 1, 2024: 6},
            "long_vacant_homes": {2024: 3},
            "vacancy_loss_per_m2": {2023: 2, 2024: 8},
            "moveouts": {2024: 51},
            "annual_result_pct": {2024: -5},
            "accumulated_deficit_pct": {2024: 5},
        },
        fire=[
            (2024, "R03", "gul"),
            (2024, "R05", "gul"),
            (2024, "R08", "rød"),
            (2024, "R16", "rød"),
        ],
    ),
    Pattern(
        "P14",
        "9914",
        3,
        {
            "vacant_homes": {2023: 1, 2024: 4},
            "long_vacant_homes": {2024: 2},
            "vacancy_loss_per_m2": {2023: 2, 2024: 8},
        },
        fire=[(2024, "R03", "rød")],
    ),
    Pattern(
        "N1",
        "9915",
        1,
        {
            "vacant_homes": _each(ALL_YEARS, 3),
            "long_vacant_homes": _each(ALL_YEARS, 1),
            "vacancy_loss_per_m2": _each(ALL_YEARS, 7),
            "moveouts": _each(ALL_YEARS, 80),
        },
        silent=[(y, rule) for y in ALL_YEARS for rule in ("R03", "R05", "R13")],
    ),
    Pattern("N2", MERGED, None, silent=[(y, "R14") for y in ALL_YEARS if y >= MERGER_YEAR]),
    Pattern(
        "N3",
        NEW_ESTATE[0],
        NEW_ESTATE[1],
        {"moveouts": {2023: 21, 2024: 9}, "rent_per_m2": {2023: 1_400, 2024: 1_428}},
        silent=[(NEW_ESTATE_YEAR, rule) for rule in ("R06", "R10", "R13")],
    ),
]


def add_entities(orgs, estates, municipalities):
    """Append the planted organisations and estates to the random ones."""
    region_of = dict(zip(municipalities["code"], municipalities["region"], strict=True))
    name_of = dict(zip(municipalities["code"], municipalities["name"], strict=True))
    first_org = len(orgs)
    index_of = {org_no: first_org + i for i, org_no in enumerate(ORGANISATIONS)}
    org_rows, estate_rows = [], []
    for org_no, (seat, org_estates) in ORGANISATIONS.items():
        merged = org_no == MERGED
        org_rows.append(
            {
                "org_no": org_no,
                "name": f"Mønsterboligselskabet {org_no}",
                "address": f"Prøvevej {org_no[2:]}",
                "seat": seat,
                "region": region_of[seat],
                "city": name_of[seat],
                "homes": sum(e[1] for e in org_estates),
                "q": 0.5,
                "last_year": MERGER_YEAR - 1 if merged else config.LAST_YEAR,
                "merged_into": index_of[ABSORBER] if merged else -1,
            }
        )
        for position, (number, homes, home_type, *where) in enumerate(org_estates):
            municipality = where[0] if where else seat
            new = (org_no, number) == NEW_ESTATE
            estate_rows.append(
                {
                    "org": index_of[org_no],
                    "estate_no": number,
                    "name": f"Mønsterafdeling {org_no}-{number:03d}",
                    "municipality": municipality,
                    "region": region_of[municipality],
                    "homes": homes,
                    "m2_per_home": config.HOME_SIZE_M2[home_type],
                    "year_built": BUILT.get((org_no, number), CALM_YEAR_BUILT),
                    "home_type": home_type,
                    "building_type": "block",
                    "scheme": "A",
                    "board": True,
                    "first_year": NEW_ESTATE_YEAR if new else config.FIRST_YEAR,
                    "rekey_year": MERGER_YEAR if merged else entities.NO_YEAR,
                    "new_org": index_of[ABSORBER] if merged else -1,
                    "new_estate_no": REKEYED_FROM + position if merged else -1,
                }
            )
    planted_orgs = pd.DataFrame(org_rows).assign(seat_index=-1, planted=True)
    planted_estates = pd.DataFrame(estate_rows).assign(
        last_year=config.LAST_YEAR, absorbed_into=-1, planted=True
    )
    return (
        pd.concat([orgs, planted_orgs], ignore_index=True),
        pd.concat([estates, planted_estates], ignore_index=True),
    )


def _calm_estates(estates, homes):
    """Typical figures that trip no rule: no vacancy, usual turnover, rent rising 2 % a year."""
    home_type = estates["home_type"].to_numpy()
    region = estates["region"].to_numpy()
    rent_2021 = np.array(
        [
            config.RENT_2021[r] * config.RENT_TYPE_FACTOR[t]
            for r, t in zip(region, home_type, strict=True)
        ]
    )
    turnover = np.array(
        [
            config.TURNOVER[t] + config.TURNOVER_REGION_SHIFT.get(r, 0)
            for r, t in zip(region, home_type, strict=True)
        ]
    )
    moveouts = np.round(homes * turnover[:, None])
    ones = np.ones_like(homes, dtype=float)
    return {
        "homes": homes,
        "tenancy_units": homes,
        "area_m2": homes * estates["m2_per_home"].to_numpy()[:, None],
        "rent_per_m2": rent_2021[:, None] * 1.02 ** (YEARS - 2021),
        "vacant_homes": 0 * ones,
        "long_vacant_homes": 0 * ones,
        "vacancy_loss_per_m2": 0 * ones,
        "moveout_loss_per_unit": 150 * ones,
        "moveouts": moveouts,
        "lettings_total": moveouts + np.round(homes * 0.02),
        "lettings_municipal": np.round(moveouts * 0.25),
        "ppv_provision_per_m2": 110 * 1.02 ** (YEARS - 2020) * ones,
        "ppv_saved_per_home": 45_000 * ones,
        "refurb_per_m2": 12 * ones,
        "other_provisions_per_m2": 0 * ones,
        "efficiency_score": np.where(YEARS >= config.EFFICIENCY_FROM, 86.0, np.nan) * ones,
        "annual_result_pct": 0.8 * ones,
        "accumulated_deficit_pct": 0 * ones,
        "has_estate_board": ones,
        "evictions": 0 * ones,
        "arrears_pct": 0.6 * ones,
        "residents_no_job_pct": np.where(home_type == "elderly", 75.0, 30.0)[:, None] * ones,
        "special_support": 0 * ones,
    }


def _set(figures, row, code, by_year):
    for year, value in by_year.items():
        t = list(YEARS).index(year)
        figures[code][row, t] = value


def apply_to_estates(figures, orgs, estates, homes, exists):
    """Calm figures for every planted estate, then the patterns' trajectories."""
    rows = np.flatnonzero(estates["planted"].to_numpy())
    for code, values in _calm_estates(estates.iloc[rows], homes[rows]).items():
        figures[code][rows] = np.where(exists[rows], values, np.nan)
    row_of = {
        (org_no, number): row
        for row, org_no, number in zip(
            rows,
            orgs["org_no"].to_numpy()[estates["org"].to_numpy()[rows]],
            estates["estate_no"].to_numpy()[rows],
            strict=True,
        )
    }
    for pattern in PATTERNS:
        if pattern.estate_no is None:
            continue
        row = row_of[(pattern.org_no, pattern.estate_no)]
        for code, by_year in pattern.figures.items():
            _set(figures, row, code, by_year)


def apply_to_organisations(figures, orgs):
    """Calm organisation figures for the planted organisations, then the patterns."""
    rows = np.flatnonzero(orgs["planted"].to_numpy())
    exists = YEARS <= orgs["last_year"].to_numpy()[rows, None]
    rates = np.array([STATUTORY_RATES[y] for y in YEARS], dtype=float)
    units = figures["tenancy_units"][rows]
    calm = {
        "admin_fee_per_unit": 4_300 * 1.02 ** (YEARS - config.LAST_YEAR),
        "working_capital_per_unit": 0.9 * rates[:, 3],
        "disp_fund_free_per_unit": 1.3 * rates[:, 1],
        "disp_fund_tied_per_unit": 5_000 + 0 * YEARS,
        "auditor_qualified": 0 * YEARS,
        "auditor_remarks": 0 * YEARS,
    }
    for code, values in calm.items():
        figures[code][rows] = np.where(exists, values, np.nan)
    meeting_day = ["09-15" if y + 1 == config.EVALUATION_DATE.year else "10-01" for y in YEARS]
    accounts = np.array([np.datetime64(f"{y + 1}-04-15") for y in YEARS])
    meetings = np.array(
        [np.datetime64(f"{y + 1}-{d}") for y, d in zip(YEARS, meeting_day, strict=True)]
    )
    figures["accounts_received_date"][rows] = np.where(exists, accounts, np.datetime64("NaT"))
    figures["steering_meeting_date"][rows] = np.where(exists, meetings, np.datetime64("NaT"))
    row_of = dict(zip(orgs["org_no"].to_numpy()[rows], rows, strict=True))
    for pattern in PATTERNS:
        if pattern.estate_no is not None:
            continue
        for code, by_year in pattern.figures.items():
            if code.endswith("_date"):
                by_year = {
                    y: np.datetime64(v) if v else np.datetime64("NaT") for y, v in by_year.items()
                }
            _set(figures, row_of[pattern.org_no], code, by_year)
    figures["equity_kr"][rows] = np.where(
        exists,
        np.round(
            units
            * (
                figures["disp_fund_free_per_unit"][rows]
                + figures["disp_fund_tied_per_unit"][rows]
                + figures["working_capital_per_unit"][rows]
                + 25_000
            )
        ),
        np.nan,
    )


def _number(pattern):
    return "" if pattern.estate_no is None else f"{pattern.estate_no:03d}"


def expectations(years):
    """The rows of planted_patterns.csv for the generated years."""
    rows = [
        (p.pattern_id, p.org_no, _number(p), year, rule, severity, "fire")
        for p in PATTERNS
        for year, rule, severity in p.fire
    ] + [
        (p.pattern_id, p.org_no, _number(p), year, rule, "", "silent")
        for p in PATTERNS
        for year, rule in p.silent
    ]
    frame = pd.DataFrame(
        rows, columns=["pattern_id", "org_no", "estate_no", "year", "rule_id", "severity", "expect"]
    )
    return frame[frame["year"].isin(years)].reset_index(drop=True)
