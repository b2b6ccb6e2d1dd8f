"""Change rules: the value got worse by at least X units or X % since the year before (R06).

An entity's first year, or a year after a gap, has no previous value and never fires.
"""

import numpy as np

from .dataset import lag
from .outcome import Outcome
from .spec import worse


def evaluate(rule, data, fired):
    value = data.column(rule.level, rule.figure)
    previous = lag(value)
    change = change_from(value, previous, rule.change_in_percent)
    worsening = change if rule.higher_is_worse else -change
    years = value.index.get_level_values("year")
    return [
        Outcome(
            rule.level,
            yellow=rule.large_enough(data, value)
            & worse(worsening, rule.minimum_change, True, inclusive=True),
            yellow_limit=rule.minimum_change,
            context={
                "value": value,
                "prev_value": previous,
                "prev_year": years - 1,
                "change": change,
            },
            percentages=("change",) if rule.change_in_percent else (),
        )
    ]


def change_from(value, previous, in_percent):
    """The change from `previous`; in percent of it when asked (missing when it was 0)."""
    if not in_percent:
        return value - previous
    return (value - previous) / previous.abs().replace(0, np.nan) * 100
