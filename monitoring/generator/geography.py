"""The 98 municipalities, how many almen homes each gets, and who their neighbours are."""

from pathlib import Path

import numpy as np
import pandas as pd

from . import config

MUNICIPALITIES_CSV = Path(__file__).resolve().parents[2] / "portal" / "data" / "municipalities.csv"


def load_municipalities():
    """Municipalities as shipped with the portal: code (int), name, region (int)."""
    frame = pd.read_csv(MUNICIPALITIES_CSV, usecols=["kommunekode", "navn", "regionskode"])
    frame.columns = ["code", "name", "region"]
    return frame.sort_values("code", ignore_index=True)


def home_targets(municipalities, rng):
    """Homes per municipality in 2024: the big cities as the brief says, the rest lognormal
    within its region so that every region reaches its total."""
    targets = np.zeros(len(municipalities))
    weights = rng.lognormal(0.0, 0.8, len(municipalities))
    for region, region_homes in config.REGION_HOMES.items():
        in_region = (municipalities["region"] == region).to_numpy()
        cities = municipalities["code"].map(config.CITY_HOMES).to_numpy()
        is_city = in_region & ~np.isnan(cities)
        targets[is_city] = cities[is_city]
        rest = in_region & ~is_city
        remaining = region_homes - targets[is_city].sum()
        targets[rest] = remaining * weights[rest] / weights[rest].sum()
    return targets


def neighbours(municipalities):
    """Row index of each municipality's neighbour: the next one by code in the same region (the
    region's last wraps to its first). Codes run roughly geographically; real adjacency is not
    shipped with the portal, and the brief accepts the same region."""
    regions = municipalities["region"].to_numpy()
    result = np.empty(len(regions), dtype=int)
    for region in np.unique(regions):
        index = np.flatnonzero(regions == region)
        result[index] = np.roll(index, -1)
    return result
