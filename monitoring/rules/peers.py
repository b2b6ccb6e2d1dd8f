"""Peer groups: size classes, the widening chain of each group, and per-year percentiles.

A peer group with fewer than MINIMUM_PEERS members that year widens to the next group in its
chain (region and size → size → the whole country); the country never widens further.
"""

import numpy as np
import pandas as pd
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MINIMUM_PEERS = 30
QUARTILES = {"q1": 0.25, "median": 0.5, "q3": 0.75}

# Lower bounds of size classes 1, 2, 3 (class 0 below the first): homes for estates, tenancy
# units for organisations.
SIZE_BOUNDS = {"estate": (25, 100, 300), "org": (500, 2000, 5000)}

CHAINS = {
    "country": [()],
    "region": [("region",), ()],
    "size": [("size_class",), ()],
    "country_size": [("size_class",), ()],
    "region_size": [("region", "size_class"), ("size_class",), ()],
    "region_home_type": [("region", "home_type"), ("home_type",), ()],
}


def size_classes(level, size):
    """Size class 0–3 of each row; missing where the size is unknown."""
    classes = np.digitize(size.to_numpy(dtype=float, na_value=np.nan), SIZE_BOUNDS[level])
    return pd.Series(classes, index=size.index, dtype=float).where(size.notna())


def peer_statistics(values, attributes, peer_group, percentiles):
    """For every row: the given percentiles, quartiles, median and size of its peer group.

    Percentiles (0–100) interpolate linearly between ranks, per year. Columns: one per
    percentile, plus `q1`, `median`, `q3`, `peers` and `peer_level` (the position in the
    widening chain that was used).
    """
    chain = CHAINS.get(peer_group, CHAINS["country"])
    # Column name → quantile; a rule's percentile may also be a quartile (P75 is q3).
    columns = {**{f"p{p:g}": p / 100 for p in percentiles}, **QUARTILES}
    quantiles = sorted(set(columns.values()))
    frame = attributes.reindex(columns=["region", "size_class", "home_type"]).reset_index(drop=True)
    frame["year"] = values.index.get_level_values("year")
    frame["value"] = values.to_numpy()
    reported = frame[frame["value"].notna()]
    result = pd.DataFrame(np.nan, index=values.index, columns=[*columns, "peers"])
    result["peer_level"] = np.nan
    unresolved = np.ones(len(frame), dtype=bool)
    for position, keys in enumerate(chain):
        group_keys = ["year", *keys]
        grouped = reported.groupby(group_keys)["value"]
        by_quantile = grouped.quantile(quantiles).unstack().reindex(columns=quantiles)
        stats = pd.DataFrame({name: by_quantile[q] for name, q in columns.items()})
        stats["peers"] = grouped.count()
        lookup = (
            pd.MultiIndex.from_frame(frame[group_keys])
            if keys
            else pd.Index(frame["year"], name="year")
        )
        matched = stats.reindex(lookup)
        last = position == len(chain) - 1
        take = unresolved & (matched["peers"].to_numpy() >= (1 if last else MINIMUM_PEERS))
        result.loc[take, matched.columns] = matched.to_numpy()[take]
        result.loc[take, "peer_level"] = position
        unresolved &= ~take
    return result


def peer_group_label(level, peer_group, peer_level, region, size_class, home_type):
    """Danish description of the peers actually used, e.g. "afdelinger i Region Sjælland med
    25–99 boliger"."""
    from monitoring.models.entities import HomeType
    from portal.models.municipalities import Region

    chain = CHAINS.get(peer_group, CHAINS["country"])
    keys = chain[int(peer_level)] if peer_level == peer_level else ()
    parts = [_("afdelinger") if level == "estate" else _("boligorganisationer")]
    if "home_type" in keys and isinstance(home_type, str):
        parts = [str(HomeType(home_type).label).lower()]
    parts.append(_("i %s") % Region(int(region)).label if "region" in keys else _("i hele landet"))
    if "size_class" in keys:
        parts.append(_("med %s") % SIZE_LABELS[level][int(size_class)])
    return " ".join(str(part) for part in parts)


SIZE_LABELS = {
    "estate": (
        gettext_lazy("1–24 boliger"),
        gettext_lazy("25–99 boliger"),
        gettext_lazy("100–299 boliger"),
        gettext_lazy("300 boliger eller flere"),
    ),
    "org": (
        gettext_lazy("under 500 lejemålsenheder"),
        gettext_lazy("500–1.999 lejemålsenheder"),
        gettext_lazy("2.000–4.999 lejemålsenheder"),
        gettext_lazy("5.000 lejemålsenheder eller flere"),
    ),
}
