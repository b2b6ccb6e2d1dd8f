"""Absolute rules: the value is beyond a fixed limit (R01–R03, R08, R11, R15)."""

import pandas as pd

from .outcome import Outcome


def evaluate(rule, data, fired):
    value = data.column(rule.level, rule.figure)
    yellow_limit = _limit(rule, data, rule.yellow_threshold, value)
    red_limit = _limit(rule, data, rule.red_threshold, value)
    eligible = rule.large_enough(data, value)
    return [
        Outcome(
            rule.level,
            yellow=eligible & rule.worse(value, yellow_limit) if yellow_limit is not None else None,
            red=eligible & rule.worse(value, red_limit) if red_limit is not None else None,
            yellow_limit=yellow_limit,
            red_limit=red_limit,
            context={"value": value},
        )
    ]


def _limit(rule, data, threshold, value):
    """The threshold, or (option `relative_to_rate`) that multiple of the year's statutory rate,
    such as R01's half of the dispositionsfond ceiling."""
    if threshold is None:
        return None
    rate = rule.options.get("relative_to_rate")
    if not rate:
        return threshold
    if rate not in data.rates:
        return None
    ceiling = data.rates[rate].reindex(value.index.get_level_values("year"))
    return pd.Series(threshold * ceiling.to_numpy(), index=value.index)
