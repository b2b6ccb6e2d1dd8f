"""Missing-data rules (R14): late or absent accounts, no steering meeting, empty required
figures, and entities with no figures at all.

The entity-years judged are those with a reported figure and those that owe figures but have
none (an empty row, added by the evaluation from monitoring/reporting_duty.py), so an
organisation that has merged away raises nothing, while one left out of a year's file does.
Such an absent entity-year is one condition ("Nøgletallene … mangler"), red when the entity was
absent the year before too, instead of one per figure. Deadlines count from a calendar year
end; a late or absent account or meeting is only flagged once its deadline has passed on the
evaluation date. Dates are epoch days.
"""

import datetime

import numpy as np
import pandas as pd
from django.utils import formats
from django.utils.translation import gettext as _

from .dataset import LEVELS, lag
from .outcome import Outcome

EPOCH = datetime.date(1970, 1, 1)


def evaluate(rule, data, fired):
    options = rule.options
    outcomes = []
    if "accounts" in options:
        outcomes += _accounts(rule, data, options["accounts"])
    if "meeting" in options:
        outcomes.append(_meeting(rule, data, options["meeting"]))
    months = options.get("accounts", {}).get("months", 6)
    required = options.get("required", {})
    for level in LEVELS:
        for figure in required.get(level, ()):
            outcomes.append(_required(data, level, figure, months))
    absent = {level: data.values[level].isna().all(axis=1) for level in LEVELS}
    for outcome in outcomes:
        _except_absent(outcome, absent[outcome.level])
    judged = {rule.level, *(level for level in LEVELS if required.get(level))}
    outcomes += [_absent(data, level, absent[level], months) for level in LEVELS if level in judged]
    return outcomes


def _except_absent(outcome, absent):
    """Absent entity-years get the one "no figures" condition, not one per missing figure."""
    outcome.yellow = outcome.yellow & ~absent
    if outcome.red is not None:
        outcome.red = outcome.red & ~absent


def _absent(data, level, absent, months):
    """An entity-year that owes figures and has none; red when it had none the year before."""
    context = {
        "figure_name": _("Nøgletallene"),
        "deadline": _dates(_deadline(absent, months)),
    }
    twice = absent & lag(absent.astype(float)).eq(1)
    return Outcome(level, yellow=absent, red=twice, context=context)


def _accounts(rule, data, accounts):
    received = data.column(rule.level, accounts["figure"])
    deadline = _deadline(received, accounts.get("months", 6))
    passed = deadline.to_numpy() < _epoch_day(data.today)
    absent = received.isna() & passed
    context = {"figure_name": accounts["name"], "deadline": _dates(deadline)}
    late = Outcome(rule.level, yellow=received > deadline, context=context)
    absent_twice = absent & lag(received.isna().astype(float)).eq(1)
    missing = Outcome(rule.level, yellow=absent, red=absent_twice, context=context)
    return [late, missing]


def _meeting(rule, data, meeting):
    held = data.column(rule.level, meeting["figure"])
    deadline = _deadline(held, 12)
    passed = deadline.to_numpy() < _epoch_day(data.today)
    absent = (held.isna() | (held > deadline)) & passed
    context = {"figure_name": meeting["name"], "deadline": _dates(deadline)}
    return Outcome(rule.level, yellow=absent, red=absent, context=context)


def _required(data, level, figure, months):
    """A required figure is empty; it was due with the accounts."""
    value = data.column(level, figure)
    context = {
        "figure_name": data.figure_name(figure),
        "deadline": _dates(_deadline(value, months)),
    }
    return Outcome(level, yellow=value.isna(), context=context)


def _deadline(series, months):
    """Epoch day of the last day `months` months after each row's year end."""
    years = series.index.get_level_values("year")
    by_year = {
        year: _epoch_day(_month_end(year + 1 + (months - 1) // 12, (months - 1) % 12 + 1))
        for year in years.unique()
    }
    return pd.Series(years.map(by_year).to_numpy(dtype=float), index=series.index)


def _month_end(year, month):
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


def _epoch_day(date):
    return (date - EPOCH).days


def _dates(days):
    """Danish dates ("30. juni 2025") for epoch days, formatted once per distinct day."""
    labels = {
        day: formats.date_format(EPOCH + datetime.timedelta(days=int(day)), "j. F Y")
        for day in np.unique(days.to_numpy())
    }
    return days.map(labels)
