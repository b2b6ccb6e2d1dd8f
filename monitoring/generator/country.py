"""Generate the whole synthetic country for a seed: entity tables, yearly key figures and the
planted patterns, as DataFrames in the import layouts."""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import config, entities, estate_figures, geography, layouts, org_figures, panel, planted

# Random organisations in the first year; with the planted ones and the mergers the country
# has ≈ 530 organisations in 2015 and ≈ 500 in 2024.
RANDOM_ORGANISATIONS = 513


@dataclass
class Country:
    organisations: pd.DataFrame
    estates: pd.DataFrame
    key_figures: dict  # year: DataFrame of text cells
    planted_patterns: pd.DataFrame


def generate(seed, years=config.YEARS):
    """The country for `seed`. The whole period is always simulated, so a year's figures do
    not depend on which years are asked for."""
    years = sorted(years)
    unknown = set(years) - set(config.YEARS)
    if unknown:
        raise ValueError(f"no statutory rates for {sorted(unknown)}; years {config.YEARS}")
    streams = [np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(4)]
    entity_rng, estate_rng, org_rng, gap_rng = streams

    municipalities = geography.load_municipalities()
    orgs, estates = entities.build(entity_rng, municipalities, RANDOM_ORGANISATIONS)
    orgs, estates = planted.add_entities(orgs, estates, municipalities)

    homes, exists = panel.estate_homes(estates)
    org_key, number_key = panel.estate_keys(estates)
    q = orgs["q"].to_numpy()[estates["org"].to_numpy()]
    estate_values = estate_figures.simulate(estate_rng, estates, q, homes, exists)
    planted.apply_to_estates(estate_values, orgs, estates, homes, exists)
    estate_figures.add_money(estate_values)
    org_values = org_figures.simulate(org_rng, orgs, estate_values, org_key, exists)
    planted.apply_to_organisations(org_values, orgs)

    gap_salt = str(gap_rng.integers(10**15, 10**16))
    frames = {
        year: layouts.key_figures(
            year, orgs, org_values, estate_values, org_key, number_key, exists
        )
        for year in years
    }
    chronic = _chronic_gaps(gap_salt, frames.values())
    key_figures = {
        year: layouts.format_key_figures(_leave_gaps(gap_rng, chronic, frame))
        for year, frame in frames.items()
    }

    estate_rows = layouts.estates(orgs, estates, homes, org_key, number_key)
    in_period = (estate_rows["_last"] >= years[0]) & (estate_rows["_first"] <= years[-1])
    organisation_rows = layouts.organisations(orgs, years[0])
    return Country(
        organisations=organisation_rows.reset_index(drop=True),
        estates=estate_rows[in_period].drop(columns=["_first", "_last"]).reset_index(drop=True),
        key_figures=key_figures,
        planted_patterns=planted.expectations(years),
    )


def _entities(frame):
    return frame["org_no"] + "-" + frame["estate_no"].fillna("")


def _chronic_gaps(salt, frames):
    """{figure: whether each entity misses it year after year}, as a frame indexed by the
    entities of all `frames`: a hash of entity and figure salted by the seed, each pair hashed
    once for all years."""
    entities = pd.Index(pd.concat([_entities(frame) for frame in frames]).unique())
    text = pd.Series(entities)
    return pd.DataFrame(
        {
            code: pd.util.hash_pandas_object(
                text + "/" + code, index=False, hash_key=salt
            ).to_numpy()
            / 2.0**64
            < config.CHRONIC_GAP_SHARE
            for code in layouts.KEY_FIGURE_COLUMNS[len(layouts.KEY_COLUMNS) :]
        },
        index=entities,
    )


def _leave_gaps(rng, chronic, frame):
    """Empty ≈ 1 % of the optional cells of random entities, as real reports have gaps: mostly
    the same entity's same figure year after year (`chronic`), plus a few at random. The
    planted organisations stay complete, so only their patterns raise flags."""
    random_rows = ~frame["org_no"].str.startswith("99").to_numpy()
    levels = frame["level"].to_numpy()
    rows = chronic.index.get_indexer(_entities(frame))
    for code in layouts.KEY_FIGURE_COLUMNS[len(layouts.KEY_COLUMNS) :]:
        required = np.isin(levels, [lv for lv, codes in layouts.REQUIRED.items() if code in codes])
        draw = rng.random(len(frame))
        gap = (chronic[code].to_numpy()[rows] & (draw < config.CHRONIC_GAP_YEARLY)) | (
            draw < config.RANDOM_GAP_SHARE
        )
        frame.loc[random_rows & ~required & gap, code] = None
    return frame
