"""The random part of the country: organisations and estates with their history.

An estate row here is a physical estate. It keeps one key (organisation, number) until its
organisation merges into another; from the merger year it carries the new organisation's key
(`rekey_year`, `new_org`, `new_estate_no`). An estate merged into another estate of the same
organisation ends (`last_year`) and its homes count in the absorbing estate from the next year.
"""

import numpy as np
import pandas as pd

from . import config, geography, naming

NO_YEAR = 9999


def build(rng, municipalities, n_orgs):
    """Organisations (n_orgs in the first year) and estates with their mergers and new builds."""
    targets = geography.home_targets(municipalities, rng)
    orgs = _organisations(rng, municipalities, targets, n_orgs)
    estates = _estates(rng, orgs, municipalities)
    _merge_organisations(rng, orgs, estates)
    _add_new_estates(rng, orgs, estates)
    estates = _merge_estates(rng, orgs, estates)
    return orgs, _number_estates(rng, orgs, estates)


def _organisations(rng, municipalities, targets, n_orgs):
    """Lognormal organisation sizes, placed largest first in the municipality with the most
    homes still unplaced, so municipalities reach their targets and big cities get big
    organisations."""
    raw = np.sort(rng.lognormal(0.0, config.ORG_SIGMA, n_orgs))[::-1]
    homes = raw
    for _ in range(5):  # rescale until the clipped sizes add up to the country's homes
        homes = np.clip(homes * targets.sum() / homes.sum(), 20, config.ORG_MAX_HOMES)
    homes = np.round(homes)
    remaining = targets.copy()
    seat = np.empty(n_orgs, dtype=int)
    for i, size in enumerate(homes):  # one step per organisation, not per estate-year
        seat[i] = np.argmax(remaining)
        remaining[seat[i]] -= size
    # Every municipality supervises at least one organisation: the smallest organisations of
    # the municipalities with the most organisations move to those left without.
    for empty in np.setdiff1d(np.arange(len(targets)), seat):
        crowded = np.argmax(np.bincount(seat, minlength=len(targets)))
        seat[np.flatnonzero(seat == crowded)[-1]] = empty
    regions = municipalities["region"].to_numpy()
    numbers = rng.choice(np.arange(1, 2000), n_orgs, replace=False)
    return pd.DataFrame(
        {
            "org_no": [f"{n:04d}" for n in numbers],
            "name": naming.organisation_names(rng, n_orgs),
            "address": naming.addresses(rng, n_orgs),
            "seat": municipalities["code"].to_numpy()[seat],
            "seat_index": seat,
            "region": regions[seat],
            "city": municipalities["name"].to_numpy()[seat],
            "homes": homes.astype(int),
            "q": rng.standard_normal(n_orgs),
            "last_year": config.LAST_YEAR,
            "merged_into": -1,
            "planted": False,
        }
    )


def _estates(rng, orgs, municipalities):
    counts = np.maximum(1, np.round(orgs["homes"] / config.ESTATE_MEAN_HOMES)).astype(int)
    org = np.repeat(np.arange(len(orgs)), counts.to_numpy())
    n = len(org)
    raw = rng.lognormal(0.0, config.ESTATE_SIGMA, n)
    homes = orgs["homes"].to_numpy()[org] * raw / np.bincount(org, raw)[org]
    homes = np.clip(np.round(homes), 1, config.ESTATE_MAX_HOMES).astype(int)

    seat = orgs["seat_index"].to_numpy()[org]
    elsewhere = rng.random(n) < config.NEIGHBOUR_SHARE
    location = np.where(elsewhere, geography.neighbours(municipalities)[seat], seat)

    home_type = rng.choice(config.HOME_TYPES, n, p=config.HOME_TYPE_SHARES)
    # Larger estates are more often blocks: ≈ 66 % of homes, 1 % mixed.
    p_block = np.clip(0.5 + 0.15 * np.log(homes / 40), 0.1, 0.95)
    draw = rng.random(n)
    building_type = np.where(
        draw < 0.01, "mixed", np.where(draw < 0.01 + p_block * 0.99, "block", "low_rise")
    )
    period = rng.choice(3, n, p=(0.80, 0.10, 0.10))
    year_built = np.select(
        [period == 0, period == 1],
        [np.clip(np.round(rng.normal(1968, 13, n)), 1900, 1989), rng.integers(1990, 2000, n)],
        rng.integers(2000, config.FIRST_YEAR, n),
    ).astype(int)
    size = np.array([config.HOME_SIZE_M2[t] for t in home_type])
    board_p = np.clip(0.5 + 0.45 * np.log(homes / 15) / np.log(200 / 15), 0.5, 0.95)
    return pd.DataFrame(
        {
            "org": org,
            "name": naming.estate_names(rng, n),
            "municipality": municipalities["code"].to_numpy()[location],
            "region": municipalities["region"].to_numpy()[location],
            "homes": homes,
            "m2_per_home": np.round(size * rng.lognormal(0.0, 0.08, n), 1),
            "year_built": year_built,
            "home_type": home_type,
            "building_type": building_type,
            "scheme": np.where(rng.random(n) < config.SCHEME_A_SHARE, "A", "B"),
            "board": rng.random(n) < board_p,
            "first_year": config.FIRST_YEAR,
            "last_year": config.LAST_YEAR,
            "absorbed_into": -1,
            "rekey_year": NO_YEAR,
            "new_org": -1,
            "new_estate_no": -1,
            "planted": False,
        }
    )


def _merger_years(count_per_year, total):
    return config.FIRST_YEAR + 1 + np.arange(total) // count_per_year


def _merge_organisations(rng, orgs, estates):
    """Small organisations merge into the largest one seated in the same municipality, which
    keeps every municipality with at least one organisation."""
    rank = orgs.groupby("seat")["homes"].rank(method="first", ascending=False).to_numpy()
    per_seat = orgs.groupby("seat")["seat"].transform("size").to_numpy()
    eligible = np.flatnonzero((rank > 1) & (per_seat >= 3))
    total = config.ORG_MERGERS_PER_YEAR * (len(config.YEARS) - 1)
    weights = 1 / np.sqrt(orgs["homes"].to_numpy()[eligible])
    absorbed = rng.choice(eligible, total, replace=False, p=weights / weights.sum())
    largest = orgs.index[rank == 1]
    absorber = pd.Series(largest, index=orgs.loc[largest, "seat"]).loc[orgs.loc[absorbed, "seat"]]
    years = _merger_years(config.ORG_MERGERS_PER_YEAR, total)
    orgs.loc[absorbed, "last_year"] = years - 1
    orgs.loc[absorbed, "merged_into"] = absorber.to_numpy()
    moved = estates["org"].isin(absorbed)
    by_org = pd.Series(years, index=absorbed)
    estates.loc[moved, "rekey_year"] = by_org.loc[estates.loc[moved, "org"]].to_numpy()
    estates.loc[moved, "new_org"] = (
        pd.Series(absorber.to_numpy(), index=absorbed).loc[estates.loc[moved, "org"]].to_numpy()
    )


def _stable_estates(orgs, estates):
    """Estates of organisations that never merge, existing from the first year."""
    stays = orgs["merged_into"].to_numpy()[estates["org"]] < 0
    return stays & (estates["first_year"].to_numpy() == config.FIRST_YEAR)


def _add_new_estates(rng, orgs, estates):
    """Some estates of the final stock are new builds taken into use during the period."""
    candidates = np.flatnonzero(_stable_estates(orgs, estates) & (estates["homes"] >= 8))
    total = config.NEW_ESTATES_PER_YEAR * (len(config.YEARS) - 1)
    chosen = rng.choice(candidates, total, replace=False)
    years = _merger_years(config.NEW_ESTATES_PER_YEAR, total)
    estates.loc[chosen, "first_year"] = years
    estates.loc[chosen, "year_built"] = years


def _merge_estates(rng, orgs, estates):
    """Add estates that merge into a larger estate of their organisation during the period;
    the absorbing estate's homes before the merger are its final homes minus the absorbed."""
    candidates = np.flatnonzero(_stable_estates(orgs, estates) & (estates["homes"] >= 20))
    total = config.ESTATE_MERGERS_PER_YEAR * (len(config.YEARS) - 1)
    absorbers = rng.choice(candidates, total, replace=False)
    absorbed = estates.loc[absorbers].copy()
    moved_homes = np.maximum(1, np.round(absorbed["homes"] * rng.uniform(0.15, 0.45, total)))
    absorbed["homes"] = moved_homes.astype(int)
    absorbed["name"] = naming.estate_names(rng, total)
    absorbed["board"] = rng.random(total) < 0.6
    absorbed["last_year"] = _merger_years(config.ESTATE_MERGERS_PER_YEAR, total) - 1
    absorbed["absorbed_into"] = absorbers
    estates.loc[absorbers, "homes"] -= absorbed["homes"].to_numpy()
    return pd.concat([estates, absorbed], ignore_index=True)


def _number_estates(rng, orgs, estates):
    """Number estates 1.. within their organisation, newest last; estates that move with a
    merger continue after the absorbing organisation's own numbers, in merger order."""
    estates["order"] = rng.random(len(estates))
    absorbed = (estates["absorbed_into"] >= 0).to_numpy()
    absorber_order = np.full(len(estates), np.nan)
    absorber_order[absorbed] = estates["order"].to_numpy()[estates["absorbed_into"][absorbed]]
    estates["absorber_order"] = absorber_order
    estates = estates.sort_values(["org", "first_year", "order"], ignore_index=True)
    # Sorting moved the rows: point the estate mergers at the absorbing estates' new positions.
    position = pd.Series(estates.index, index=estates["order"])
    absorbed = estates["absorbed_into"] >= 0
    estates.loc[absorbed, "absorbed_into"] = position.loc[
        estates.loc[absorbed, "absorber_order"]
    ].to_numpy()
    estates["estate_no"] = estates.groupby("org").cumcount() + 1

    moved = estates[estates["new_org"] >= 0].sort_values(["rekey_year", "org", "estate_no"])
    offset = estates.groupby("org")["estate_no"].max().loc[moved["new_org"]].to_numpy()
    estates.loc[moved.index, "new_estate_no"] = offset + moved.groupby("new_org").cumcount() + 1
    return estates.drop(columns=["order", "absorber_order"])
