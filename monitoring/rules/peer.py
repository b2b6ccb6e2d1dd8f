"""Peer rules: the value is among the worst p % of its peer group that year (R04, R05, R07, R12).

With `years` > 1 the entity must have been there that many years in a row (R07).
"""

from .dataset import lag
from .outcome import Outcome
from .peers import peer_statistics


def evaluate(rule, data, fired):
    value = data.column(rule.level, rule.figure)
    percentiles = [p for p in (rule.yellow_percentile, rule.red_percentile) if p is not None]
    stats = peer_statistics(value, data.attributes[rule.level], rule.peer_group, percentiles)
    masks = {}
    for percentile in percentiles:
        mask = rule.worse(value, stats[f"p{percentile:g}"])
        if rule.minimum_value is not None:
            mask &= rule.worse(value, rule.minimum_value)
        masks[percentile] = consecutive(mask, rule.years or 1)
    return [
        Outcome(
            rule.level,
            yellow=masks.get(rule.yellow_percentile),
            red=masks.get(rule.red_percentile),
            yellow_limit=_column(stats, rule.yellow_percentile),
            red_limit=_column(stats, rule.red_percentile),
            context=peer_context(value, stats, rule.yellow_percentile, rule.years or 1),
        )
    ]


def consecutive(mask, years):
    """Where `mask` held this year and the `years - 1` years before it."""
    held = mask.astype(bool)
    for back in range(1, years):
        held &= lag(mask.astype(float), back).fillna(0).astype(bool)
    return held


def peer_context(value, stats, percentile, years=1):
    """Template placeholders and statistics shared by every rule that compares with peers."""
    return {
        "value": value,
        "percentile": percentile,
        "peer_median": stats["median"],
        "q1": stats["q1"],
        "q3": stats["q3"],
        "peers": stats["peers"],
        "peer_level": stats["peer_level"],
        "n_years": years,
    }


def _column(stats, percentile):
    return None if percentile is None else stats[f"p{percentile:g}"]
