"""Combination rules.

With combined rules: at least `minimum_rules` of them (default all) fire for the same entity
and year (R16). With a figure: all of its conditions hold, the peer percentile and growth above
the sector's median growth that year plus option `growth_over_sector_median` points (R10).
"""

import numpy as np
import pandas as pd

from .change import change_from
from .dataset import lag
from .outcome import Outcome
from .peer import peer_context
from .peers import peer_statistics


def evaluate(rule, data, fired):
    if rule.combined_rules:
        return [_rules_together(rule, data, fired)]
    return [_conditions(rule, data)]


def _rules_together(rule, data, fired):
    index = data.values[rule.level].index
    codes = sorted(rule.combined_rules)
    # Which members fired, as bits: counting and naming them stays vectorised.
    bits = np.zeros(len(index), dtype=np.int64)
    for position, code in enumerate(codes):
        member = fired.get(code, {}).get(rule.level)
        if member is not None:
            bits |= index.isin(member.index).astype(np.int64) << position
    count = pd.Series(np.bitwise_count(bits.astype(np.uint64)), index=index)
    labels = {
        value: ", ".join(code for position, code in enumerate(codes) if value >> position & 1)
        for value in np.unique(bits)
    }
    names = pd.Series(bits, index=index).map(labels)
    enough = count >= (rule.minimum_rules or len(rule.combined_rules))
    red = rule.options.get("severity") == "red"
    return Outcome(
        rule.level,
        yellow=None if red else enough,
        red=enough if red else None,
        context={"value": count, "rules": names},
        figure="",
    )


def _conditions(rule, data):
    value = data.column(rule.level, rule.figure)
    holds = pd.Series(value.notna(), index=value.index)
    context = {"value": value}
    limit = None
    if rule.yellow_percentile is not None:
        stats = peer_statistics(
            value, data.attributes[rule.level], rule.peer_group, [rule.yellow_percentile]
        )
        limit = stats[f"p{rule.yellow_percentile:g}"]
        holds &= rule.worse(value, limit)
        context.update(peer_context(value, stats, rule.yellow_percentile, rule.higher_is_worse))
    if rule.yellow_threshold is not None:
        limit = rule.yellow_threshold
        holds &= rule.worse(value, limit)
    margin = rule.options.get("growth_over_sector_median")
    percentages = ()
    if margin is not None:
        growth = change_from(value, lag(value), in_percent=True)
        years = value.index.get_level_values("year")
        sector = growth.groupby(years).transform("median")
        holds &= rule.worse(growth, sector + margin if rule.higher_is_worse else sector - margin)
        context["change"] = growth
        percentages = ("change",)
    return Outcome(
        rule.level, yellow=holds, yellow_limit=limit, context=context, percentages=percentages
    )
