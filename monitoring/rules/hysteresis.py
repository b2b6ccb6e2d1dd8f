"""Hysteresis: a case, once open, stays open while the value stays near the limit.

A flag the year before carries on while the value is still worse than the limit moved toward
better values by the rule's `close_margin` (a share of the limit), so a value hovering at a peer
percentile, which is recomputed every year, does not open and close a case year after year
(docs/flag-cases.md). Applies to absolute and peer rules; others have no single limit to relax.
"""

import numpy as np

from .spec import worse

KINDS = ("absolute", "peer")


def held(rule, data, outcome, raised):
    """Where the rule's case goes on although its lowest limit is not crossed: `raised` (gul or
    rød) the year before, or carried on, and the value is within the margin; such a year is gul."""
    limit = outcome.red_limit if outcome.yellow_limit is None else outcome.yellow_limit
    if not rule.close_margin or rule.kind not in KINDS or limit is None:
        return np.zeros(len(raised), dtype=bool)
    value = outcome.context["value"]
    near = worse(value, relaxed(rule, limit), rule.higher_is_worse)
    if rule.minimum_value is not None:
        near &= worse(value, relaxed(rule, rule.minimum_value), rule.higher_is_worse)
    near = np.asarray(near, dtype=bool)
    before = data.previous_rows(outcome.level)
    has_before = before >= 0
    flagged = raised.copy()
    while True:  # one step per year a case can be carried on: at most the number of years
        carried = raised | (near & has_before & flagged[before])
        if (carried == flagged).all():
            return flagged & ~raised
        flagged = carried


def relaxed(rule, limit):
    """The limit moved by `close_margin` of its size toward better values."""
    slack = rule.close_margin * np.abs(limit)
    return limit - slack if rule.higher_is_worse else limit + slack
