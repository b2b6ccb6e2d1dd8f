"""Entity × year arrays: which entities exist in which year, their homes and their keys."""

import numpy as np

from . import config

YEARS = np.array(config.YEARS)


def active(first_year, last_year):
    """(entities, years) mask of the years an entity exists."""
    first = np.asarray(first_year)[:, None]
    last = np.asarray(last_year)[:, None]
    return (YEARS >= first) & (YEARS <= last)


def estate_homes(estates):
    """Homes per estate and year: its own homes, plus those of estates merged into it from the
    year after they end; 0 when the estate does not exist."""
    exists = active(estates["first_year"], estates["last_year"])
    homes = np.where(exists, estates["homes"].to_numpy()[:, None], 0)
    absorbed = np.flatnonzero(estates["absorbed_into"].to_numpy() >= 0)
    after = YEARS[None, :] > estates["last_year"].to_numpy()[absorbed, None]
    moved = np.where(after, estates["homes"].to_numpy()[absorbed, None], 0)
    np.add.at(homes, estates["absorbed_into"].to_numpy()[absorbed], moved)
    return homes, exists


def estate_keys(estates):
    """The organisation row and estate number each estate reports under, per year."""
    rekeyed = YEARS[None, :] >= estates["rekey_year"].to_numpy()[:, None]
    org = np.where(
        rekeyed, estates["new_org"].to_numpy()[:, None], estates["org"].to_numpy()[:, None]
    )
    number = np.where(
        rekeyed,
        estates["new_estate_no"].to_numpy()[:, None],
        estates["estate_no"].to_numpy()[:, None],
    )
    return org, number


def per_org(values, org, exists, n_orgs):
    """Sum an estate × year array into organisation × year by the reporting organisation."""
    years = np.broadcast_to(np.arange(len(YEARS)), values.shape)
    index = org[exists] * len(YEARS) + years[exists]
    sums = np.bincount(index, np.asarray(values, dtype=float)[exists], n_orgs * len(YEARS))
    return sums.reshape(n_orgs, len(YEARS))
