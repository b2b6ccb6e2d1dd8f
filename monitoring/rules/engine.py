"""Evaluate every rule over every entity and year in one vectorised pass.

Rules run in dependency order (combinations and escalations after the rules they read). Each
rule gives at most one flag per entity and year: rød beats gul, and when several conditions
fire (R13's figures, R14's gaps) their explanations are joined. Only flagged rows are rendered.
"""

import math
from functools import partial

import numpy as np
import pandas as pd
from django.utils import translation
from django.utils.translation import gettext as _

from monitoring import formatting

from . import absolute, change, combination, hysteresis, missing, peer, trend
from .escalation import escalate
from .formatting import format_year, render_rows
from .peers import peer_group_label
from .spec import RED, YELLOW

KINDS = {
    "absolute": absolute.evaluate,
    "peer": peer.evaluate,
    "change": change.evaluate,
    "trend": trend.evaluate,
    "missing": missing.evaluate,
    "combination": combination.evaluate,
}
# `figure`: the code of the figure the value and threshold are of (R13's differ from its own).
COLUMNS = [
    *("rule", "level", "entity", "organisation", "year", "severity"),
    *("figure", "value", "threshold"),
]
# Context kept on the flag as its statistics (for the caseworker's "why").
STATISTICS = (
    *("percentile", "peer_median", "q1", "q3", "peers", "peer_group"),
    *("prev_value", "prev_year", "change", "n_years", "rules", "deadline"),
)
RESULT = [*COLUMNS, "statistics", "explanation"]
# Placeholders holding a value of the outcome's figure, written with its kind and decimals.
FIGURE_VALUES = ("value", "threshold", "prev_value", "peer_median", "q1", "q3")


def evaluate(rules, data):
    """Flags of `rules` (RuleSpec) over `data` (Dataset), one frame with the RESULT columns;
    severity is 1 (gul) or 2 (rød)."""
    fired = {}
    frames = []
    with translation.override("da"):
        for rule in ordered(rules):
            hits = [_hits(rule, data, fired, o) for o in KINDS[rule.kind](rule, data, fired)]
            hits = pd.concat(hits, ignore_index=True) if hits else _empty()
            fired[rule.code] = _crossed(hits)
            frames.append(_collapse(hits))
    return pd.concat(frames, ignore_index=True) if frames else _empty()


def _empty():
    return pd.DataFrame(columns=[*RESULT, "held"])


def _crossed(hits):
    """Per level, the worst severity of each entity-year where the rule's limit was crossed:
    what combinations and escalations read (a case only carried on by hysteresis is no new
    warning)."""
    crossed = hits[~hits["held"].astype(bool)]
    return {
        level: group.groupby(["entity", "year"])["severity"].max()
        for level, group in crossed.groupby("level")
    }


def ordered(rules):
    """Rules in an order where every rule comes after the rules it depends on."""
    pending = {rule.code: rule for rule in rules}
    while pending:
        ready = [rule for rule in pending.values() if not rule.dependencies & pending.keys()]
        for rule in sorted(ready or pending.values(), key=lambda rule: rule.code):
            del pending[rule.code]
            yield rule


def _hits(rule, data, fired, outcome):
    """The rows an outcome flags, with their threshold, context and rendered explanation."""
    index = data.values[outcome.level].index
    size = len(index)
    yellow = _array(outcome.yellow, size, False).astype(bool)
    red = _array(outcome.red, size, False).astype(bool)
    red = escalate(rule, data, fired, outcome.level, yellow, red)
    held = hysteresis.held(rule, data, outcome, yellow | red)
    yellow |= held
    severity = np.where(red, RED, np.where(yellow, YELLOW, 0))
    rows = severity > 0
    red_limit = _array(outcome.red_limit, size, np.nan).astype(float)
    yellow_limit = _array(outcome.yellow_limit, size, np.nan).astype(float)
    threshold = np.where(red & ~np.isnan(red_limit), red_limit, yellow_limit)
    hits = pd.DataFrame(
        {
            "rule": rule.code,
            "level": outcome.level,
            "entity": index.get_level_values("entity")[rows],
            "organisation": data.attribute(outcome.level, "organisation").to_numpy()[rows],
            "year": index.get_level_values("year")[rows],
            "severity": severity[rows],
            "figure": _figure(rule, outcome),
            "threshold": threshold[rows],
            "held": held[rows],
        }
    )
    for name, values in outcome.context.items():
        hits[name] = _array(values, size, np.nan)[rows]
    if "peer_level" in hits:
        hits["peer_group"] = _peer_groups(rule, outcome.level, data, rows, hits["peer_level"])
    columns = {name: hits[name].tolist() for name in hits}
    hits["explanation"] = render_rows(rule.explanation, columns, _formatters(rule, data, outcome))
    if held.any():
        hits.loc[held[rows], "explanation"] += " " + _(
            "Værdien har ikke længere krydset grænsen, men ligger så tæt på den, at sagen fra "
            "året før fortsætter."
        )
    hits["statistics"] = _statistics(hits)
    return hits


def _formatters(rule, data, outcome):
    """How each placeholder of the outcome is written: values of its figure by the figure's kind
    and decimals, a change in the figure's decimals or in percent, years as years."""
    formatters = {"year": format_year, "prev_year": format_year}
    figure = data.figures.get(_figure(rule, outcome))
    if figure is not None:
        formatters.update(dict.fromkeys(FIGURE_VALUES, partial(formatting.format_value, figure)))
        formatters["change"] = partial(_in_decimals, formatting.decimals(figure))
    formatters.update(dict.fromkeys(outcome.percentages, formatting.format_percent))
    return formatters


def _figure(rule, outcome):
    """The code of the figure the outcome's values are of, or None."""
    figure = rule.figure if outcome.figure is None else outcome.figure
    return figure or None


def _in_decimals(places, number):
    return formatting.format_number(number, places)


def _collapse(hits):
    """One flag per entity and year: the worst condition, with every explanation joined."""
    hits = hits.sort_values("severity", ascending=False, kind="stable")
    keys = ["level", "entity", "year"]
    repeated = hits.duplicated(keys, keep=False).to_numpy()
    if repeated.any():
        joined = {}
        for key, text in zip(
            hits[keys][repeated].itertuples(index=False, name=None),
            hits["explanation"][repeated],
            strict=True,
        ):
            joined[key] = f"{joined[key]} {text}" if key in joined else text
        hits = hits.drop_duplicates(keys).copy()
        hits["explanation"] = [
            joined.get(key, text)
            for key, text in zip(
                hits[keys].itertuples(index=False, name=None), hits["explanation"], strict=True
            )
        ]
    return hits.reindex(columns=RESULT)


def _peer_groups(rule, level, data, rows, peer_levels):
    attributes = data.attributes[level].reindex(columns=["region", "size_class", "home_type"])
    labels = {}
    result = []
    for key in zip(peer_levels, *(attributes[c].to_numpy()[rows] for c in attributes), strict=True):
        if key not in labels:
            labels[key] = peer_group_label(level, rule.peer_group, *key)
        result.append(labels[key])
    return result


def _statistics(hits):
    """Each flag's statistics: the context values it has, as JSON-ready Python values."""
    names = [name for name in STATISTICS if name in hits]
    columns = [hits[name].tolist() for name in names]
    return (
        [
            {name: value for name, value in zip(names, values, strict=True) if not _missing(value)}
            for values in zip(*columns, strict=True)
        ]
        if names
        else [{} for _ in range(len(hits))]
    )


def _missing(value):
    return value is None or (isinstance(value, float) and math.isnan(value))


def _array(values, size, default):
    """A mask, limit or context value as an array of the level's length."""
    if values is None:
        return np.full(size, default)
    if isinstance(values, (pd.Series, pd.Index, np.ndarray)):
        return np.asarray(values)
    return np.full(size, values, dtype=object if isinstance(values, str) else None)
