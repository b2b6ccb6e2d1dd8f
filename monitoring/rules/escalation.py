"""Conditions in a rule's options that raise a gul flag to rød.

- `red_with_rules`: another rule fires for the same entity and year (R06 with R05);
- `red_peer_figure` (+ `red_peer_percentile`, `red_minimum_age`): a second figure is also below
  the same percentile of the same peers (or the one given), and the estate is at least that old
  (R07);
- `red_when_figures`: a yes/no figure is yes, with or without gul (R15: a qualified opinion).
"""

import numpy as np

from .peers import peer_statistics
from .spec import worse


def escalate(rule, data, fired, level, yellow, red):
    """The rød mask after the rule's escalations; `yellow` and `red` are boolean arrays."""
    options = rule.options
    index = data.values[level].index
    for code in options.get("red_with_rules", ()):
        other = fired.get(code, {}).get(level)
        if other is not None:
            red = red | (yellow & index.isin(other.index))
    for figure in options.get("red_when_figures", ()):
        red = red | data.column(level, figure).eq(1).to_numpy()
    figure = options.get("red_peer_figure")
    percentile = options.get("red_peer_percentile", rule.yellow_percentile)
    if figure and percentile is not None:
        value = data.column(level, figure)
        stats = peer_statistics(value, data.attributes[level], rule.peer_group, [percentile])
        condition = worse(value, stats[f"p{percentile:g}"], rule.higher_is_worse)
        age = options.get("red_minimum_age")
        if age is not None:
            condition &= data.attribute(level, "age") >= age
        red = red | (yellow & condition.to_numpy(dtype=bool))
    return np.asarray(red, dtype=bool)
