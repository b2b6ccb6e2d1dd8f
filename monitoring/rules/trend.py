"""Trend rules, worse N years in a row.

With a threshold: beyond it N years running (R09: a deficit 2 years gul, 3 years rød).
Without: worse than the year before N years running, optionally by more than a multiple of the
peer group's interquartile range in total (R13, over the figures in option `figures`).
"""

from .dataset import lag
from .outcome import Outcome
from .peers import peer_statistics
from .spec import worse


def evaluate(rule, data, fired):
    if rule.yellow_threshold is not None:
        return [_beyond_threshold(rule, data)]
    figures = rule.options.get("figures") or [rule.figure]
    return [_worsening(rule, data, figure) for figure in figures]


def streak(mask):
    """How many years in a row, ending this year, `mask` has held."""
    held = mask.astype(float).fillna(0)
    count = held.copy()
    running = held.astype(bool)
    back = 1
    while running.any():
        running &= lag(held, back).fillna(0).astype(bool)
        count += running
        back += 1
    return count


def _beyond_threshold(rule, data):
    value = data.column(rule.level, rule.figure)
    years = streak(rule.worse(value, rule.yellow_threshold))
    return Outcome(
        rule.level,
        yellow=years >= (rule.years or 1),
        red=years >= rule.red_years if rule.red_years else None,
        yellow_limit=rule.yellow_threshold,
        context={"value": value, "n_years": years},
    )


def _worsening(rule, data, figure):
    value = data.column(rule.level, figure)
    higher_is_worse = data.higher_is_worse(figure)
    run = rule.years or 1
    start = lag(value, run)
    yellow = streak(worse(value, lag(value), higher_is_worse)) >= run
    factor = rule.options.get("peer_iqr_factor")
    context = {"value": value, "prev_value": start, "n_years": run}
    if factor is not None:
        stats = peer_statistics(value, data.attributes[rule.level], rule.peer_group, [])
        spread = factor * (stats["q3"] - stats["q1"])
        total = value - start if higher_is_worse else start - value
        yellow &= worse(total, spread, True)
        context.update(peer_median=stats["median"], q1=stats["q1"], q3=stats["q3"])
        context.update(peers=stats["peers"], peer_level=stats["peer_level"])
    context["figure_name"] = data.figure_header(figure)
    return Outcome(rule.level, yellow=yellow, context=context, figure=figure)
