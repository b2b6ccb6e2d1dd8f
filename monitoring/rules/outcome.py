"""What a rule kind returns: where it fires gul and rød, its limits, and template context."""

from dataclasses import dataclass, field

import pandas as pd


@dataclass
class Outcome:
    """Masks and context aligned to the level's (entity, year) index.

    A kind may return several outcomes for one rule (one per figure or condition); the engine
    keeps the worst per entity and year and joins their explanations. `figure` is the code of
    the figure the values are of, when not the rule's ("" when they are no figure's, such as
    R16's count of rules); `percentages` the context names that are in percent rather than in
    the figure's unit.
    """

    level: str
    yellow: pd.Series
    red: pd.Series | None = None
    yellow_limit: object = None
    red_limit: object = None
    context: dict = field(default_factory=dict)
    figure: str | None = None
    percentages: tuple = ()
