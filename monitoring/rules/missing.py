"""Missing-data rules (R14): late or absent accounts, no steering meeting, empty required figures.

Only entity-years with at least one reported figure are judged, so an organisation that has
merged away raises nothing. Deadlines count from a calendar year end; an absence is only
flagged once its deadline has passed on the evaluation date. Dates are epoch days.
"""

import datetime

import numpy as np
import pandas as pd
from django.utils import formats

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
    for level in LEVELS:
        for figure in options.get("required", {}).get(level, ()):
            outcomes.append(_required(data, level, figure, months))
    return outcomes


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
        "figure_name": data.figure_names.get(figure, figure),
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
