"""The import layouts of the domain brief §7: entity files and the yearly key-figure file."""

import numpy as np
import pandas as pd

from monitoring.key_figures_data import KEY_FIGURES

from . import config
from .panel import YEARS

# Imported (non-derived) key figures in catalogue order, with their levels and value kinds.
IMPORTED = [
    (code, levels, kind) for code, _, _, levels, _, kind, derived, _ in KEY_FIGURES if not derived
]
ESTATE_CODES = [code for code, levels, _ in IMPORTED if "A" in levels]
ORG_CODES = [code for code, levels, _ in IMPORTED if "O" in levels]
KIND = {code: kind for code, _, kind in IMPORTED}
KEY_COLUMNS = ["year", "level", "org_no", "estate_no"]
KEY_FIGURE_COLUMNS = KEY_COLUMNS + [code for code, _, _ in IMPORTED]
# Columns the importer requires on every row of the level; never left empty.
REQUIRED = {"estate": ("homes", "area_m2"), "org": ("tenancy_units",)}

ORGANISATION_COLUMNS = [
    "org_no",
    "name",
    "seat_municipality_code",
    "address",
    "postcode",
    "city",
    "cvr",
    "fiscal_year_end",
    "valid_from",
    "valid_to",
    "merged_into_org_no",
]
ESTATE_COLUMNS = [
    "org_no",
    "estate_no",
    "name",
    "municipality_code",
    "homes",
    "area_m2",
    "year_built",
    "home_type",
    "building_type",
    "maintenance_scheme",
    "valid_from",
    "valid_to",
    "merged_into",
]


def _year_end(years):
    return [f"{y}-12-31" for y in years]


def organisations(orgs, first_year):
    """The organisation register as of the period starting in `first_year`: organisations that
    ended before it are left out, but a merger still names the organisation merged into."""
    merged = orgs["merged_into"].to_numpy()
    merged_into = np.where(merged >= 0, orgs["org_no"].to_numpy()[merged], "")
    keep = orgs["last_year"].to_numpy() >= first_year
    orgs, merged_into = orgs[keep], merged_into[keep]
    ends = orgs["last_year"].to_numpy() < config.LAST_YEAR
    return pd.DataFrame(
        {
            "org_no": orgs["org_no"],
            "name": orgs["name"],
            "seat_municipality_code": orgs["seat"].astype(str),
            "address": orgs["address"],
            "postcode": "",
            "city": orgs["city"],
            "cvr": "",
            "fiscal_year_end": "12-31",
            "valid_from": "",
            "valid_to": np.where(ends, _year_end(orgs["last_year"]), ""),
            "merged_into_org_no": merged_into,
        },
        columns=ORGANISATION_COLUMNS,
    ).sort_values("org_no")


def estates(orgs, estates, homes, org_key, number_key):
    """One row per key an estate has had: estates that moved with an organisation merger have
    a row for the old key (ending, pointing at the new) and one for the new key."""
    org_no = orgs["org_no"].to_numpy()
    column = {y: t for t, y in enumerate(YEARS)}
    first, last = estates["first_year"].to_numpy(), estates["last_year"].to_numpy()
    rekey = estates["rekey_year"].to_numpy()
    moved = rekey <= last
    old_last = np.where(moved, rekey - 1, last)

    def key(e, year):
        t = np.array([column[y] for y in year])
        return np.char.add(
            np.char.add(org_no[org_key[e, t]].astype(str), "-"),
            np.char.zfill(number_key[e, t].astype(str), 3),
        )

    e = np.arange(len(estates))
    absorbed = estates["absorbed_into"].to_numpy()
    merged_into = np.full(len(e), "", dtype=object)
    merged_into[moved] = key(e[moved], rekey[moved])
    into = absorbed >= 0
    merged_into[into] = key(absorbed[into], last[into])
    old = _estate_rows(
        estates, e, org_no[estates["org"]], estates["estate_no"], homes, first, old_last
    )
    old["valid_from"] = np.where(first > config.FIRST_YEAR, [f"{y}-01-01" for y in first], "")
    old["merged_into"] = merged_into
    new = _estate_rows(
        estates[moved],
        e[moved],
        org_no[estates["new_org"][moved]],
        estates["new_estate_no"][moved],
        homes,
        rekey[moved],
        last[moved],
    )
    new["valid_from"] = [f"{y}-01-01" for y in rekey[moved]]
    new["merged_into"] = ""
    rows = pd.concat([old, new], ignore_index=True)
    return rows.sort_values(["org_no", "estate_no"], ignore_index=True)[
        ESTATE_COLUMNS + ["_first", "_last"]
    ]


def _estate_rows(estates, rows, org_no, estate_no, homes, first, last):
    """Master data of a key as of the last year it was valid."""
    t_last = np.searchsorted(YEARS, last)
    homes_last = homes[rows, t_last]
    return pd.DataFrame(
        {
            "org_no": np.asarray(org_no),
            "estate_no": [f"{n:03d}" for n in estate_no],
            "name": estates["name"].to_numpy(),
            "municipality_code": estates["municipality"].astype(str).to_numpy(),
            "homes": homes_last,
            "area_m2": np.round(homes_last * estates["m2_per_home"].to_numpy(), 1),
            "year_built": estates["year_built"].to_numpy(),
            "home_type": estates["home_type"].to_numpy(),
            "building_type": estates["building_type"].to_numpy(),
            "maintenance_scheme": estates["scheme"].to_numpy(),
            "valid_to": np.where(last < config.LAST_YEAR, _year_end(last), ""),
            "_first": first,
            "_last": last,
        }
    )


def key_figures(year, orgs, org_figures, estate_figures, org_key, number_key, exists):
    """The key-figure file of one year: organisation rows, then estate rows, in key order."""
    t = int(np.searchsorted(YEARS, year))
    o = np.flatnonzero(orgs["last_year"].to_numpy() >= year)
    e = np.flatnonzero(exists[:, t])
    org_rows = pd.DataFrame({"org_no": orgs["org_no"].to_numpy()[o], "estate_no": ""})
    for code in ORG_CODES:
        org_rows[code] = org_figures[code][o, t]
    estate_rows = pd.DataFrame(
        {
            "org_no": orgs["org_no"].to_numpy()[org_key[e, t]],
            "estate_no": [f"{n:03d}" for n in number_key[e, t]],
        }
    )
    for code in ESTATE_CODES:
        estate_rows[code] = estate_figures[code][e, t]
    frame = pd.concat(
        [org_rows.assign(level="org"), estate_rows.assign(level="estate")], ignore_index=True
    )
    frame["year"] = year
    return frame.sort_values(["org_no", "estate_no"], ignore_index=True).reindex(
        columns=KEY_FIGURE_COLUMNS
    )


def format_key_figures(frame):
    """Text as the importer expects it: integer counts, at most two decimals, true/false,
    YYYY-MM-DD; empty means missing."""
    out = frame[KEY_COLUMNS].astype(str)
    for code, _, kind in IMPORTED:
        values = frame[code]
        missing = values.isna().to_numpy()
        if kind == "date":
            text = np.datetime_as_string(values.to_numpy(dtype="datetime64[D]"), unit="D")
        elif kind == "bool":
            text = np.where(values.to_numpy(dtype=float) > 0.5, "true", "false")
        elif kind == "count":
            text = np.nan_to_num(values.to_numpy(dtype=float)).round().astype(np.int64).astype(str)
        else:
            # Shortest text of the value rounded to cents; + 0.0 turns -0.0 into 0.0.
            text = (values.to_numpy(dtype=float).round(2) + 0.0).astype(str)
        out[code] = np.where(missing, "", text)
    return out
