"""Peer rules: the value is among the worst p % of its peer group that year (R04, R05, R07, R12).

With `years` > 1 the entity must have been there that many years in a row (R07). With
`minimum_homes`, smaller estates are neither flagged nor counted among the peers: their rates
jump on a single move and would set the percentile for everyone else.
"""

from fractions import Fraction

from django.utils.translation import gettext as _

from .dataset import lag
from .outcome import Outcome
from .peers import peer_statistics


def evaluate(rule, data, fired):
    value = data.column(rule.level, rule.figure)
    value = value.where(rule.large_enough(data, value))
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
            context=peer_context(
                value, stats, rule.yellow_percentile, rule.higher_is_worse, rule.years or 1
            ),
        )
    ]


def consecutive(mask, years):
    """Where `mask` held this year and the `years - 1` years before it."""
    held = mask.astype(bool)
    for back in range(1, years):
        held &= lag(mask.astype(float), back).fillna(0).astype(bool)
    return held


def peer_context(value, stats, percentile, higher_is_worse, years=1):
    """Template placeholders and statistics shared by every rule that compares with peers."""
    return {
        "value": value,
        "percentile": percentile,
        "comparison": comparison(percentile, higher_is_worse),
        "peer_median": stats["median"],
        "q1": stats["q1"],
        "q3": stats["q3"],
        "peers": stats["peers"],
        "peer_level": stats["peer_level"],
        "n_years": years,
    }


def comparison(percentile, higher_is_worse):
    """The percentile in plain Danish: 90 (higher is worse) is "højere end hos 9 ud af 10",
    10 (lower is worse) "lavere end hos 9 ud af 10", 97.5 "højere end hos 39 ud af 40"."""
    if percentile is None:
        return None
    share = Fraction(percentile if higher_is_worse else 100 - percentile).limit_denominator(100)
    share /= 100
    text = (
        _("højere end hos %(part)s ud af %(whole)s")
        if higher_is_worse
        else _("lavere end hos %(part)s ud af %(whole)s")
    )
    return text % {"part": share.numerator, "whole": share.denominator}


def _column(stats, percentile):
    return None if percentile is None else stats[f"p{percentile:g}"]
