"""A flag rule as the engine sees it: plain values, so the engine never touches the database."""

from dataclasses import dataclass, field

import numpy as np

YELLOW = 1
RED = 2
# Figures carry at most two decimals, but their differences do not (20.33 − 15.33 is
# 4.999999999999998): a value this close to a limit, relative to the limit, counts as at it.
RELATIVE_TOLERANCE = 1e-9


@dataclass(frozen=True)
class RuleSpec:
    code: str
    kind: str
    level: str
    explanation: str
    figure: str | None = None
    higher_is_worse: bool = True
    yellow_threshold: float | None = None
    red_threshold: float | None = None
    yellow_percentile: float | None = None
    red_percentile: float | None = None
    peer_group: str = "country"
    minimum_value: float | None = None
    minimum_homes: int | None = None
    years: int | None = None
    red_years: int | None = None
    minimum_change: float | None = None
    change_in_percent: bool = False
    combined_rules: tuple[str, ...] = ()
    minimum_rules: int | None = None
    close_margin: float | None = None
    options: dict = field(default_factory=dict)

    @classmethod
    def from_rule(cls, rule, combined_rules=None):
        """Read a FlagRule (with `figure` and `combined_rules` loaded); `combined_rules` (codes)
        stands in for the rule's own when it is not saved yet."""
        figure = rule.figure
        if combined_rules is None:
            combined_rules = [r.code for r in rule.combined_rules.all()]
        return cls(
            code=rule.code,
            kind=rule.kind,
            level=rule.level,
            explanation=rule.explanation,
            figure=figure.code if figure else None,
            higher_is_worse=figure is None or figure.direction != "down",
            yellow_threshold=rule.yellow_threshold,
            red_threshold=rule.red_threshold,
            yellow_percentile=rule.yellow_percentile,
            red_percentile=rule.red_percentile,
            peer_group=rule.peer_group or "country",
            minimum_value=rule.minimum_value,
            minimum_homes=rule.minimum_homes,
            years=rule.years,
            red_years=rule.red_years,
            minimum_change=rule.minimum_change,
            change_in_percent=rule.change_in_percent,
            combined_rules=tuple(sorted(combined_rules)),
            minimum_rules=rule.minimum_rules,
            close_margin=rule.close_margin,
            options=rule.options or {},
        )

    @property
    def dependencies(self):
        """Rules whose results this rule reads: members of a combination, escalation rules."""
        return set(self.combined_rules) | set(self.options.get("red_with_rules", ()))

    def large_enough(self, data, value):
        """Where the value exists and the entity has the rule's minimum number of homes (small
        estates' rates jump from year to year on a single move)."""
        eligible = value.notna()
        if self.minimum_homes is not None:
            eligible &= data.attribute(self.level, "size") >= self.minimum_homes
        return eligible

    def worse(self, values, limit, inclusive=False):
        """Where `values` are worse than `limit` in the rule figure's direction."""
        return worse(values, limit, self.higher_is_worse, inclusive)


def worse(values, limit, higher_is_worse, inclusive=False):
    """Where `values` are worse than `limit`, strictly or (`inclusive`) also at it, compared as
    numbers: within RELATIVE_TOLERANCE of the limit is at it. Missing values never are."""
    slack = RELATIVE_TOLERANCE * np.maximum(np.abs(limit), 1)
    if higher_is_worse:
        return values >= limit - slack if inclusive else values > limit + slack
    return values <= limit + slack if inclusive else values < limit - slack
