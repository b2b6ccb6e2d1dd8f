"""Vectorised checks of one column of strings: each returns the parsed values and adds a problem
for every bad cell, with its line, so one pass over a file finds every problem."""

import numpy as np
import pandas as pd
from django.utils.translation import gettext as _

from .reading import DECIMAL_COMMA, LINE

EPOCH = pd.Timestamp("1970-01-01")


def report(frame, bad, column, problems, template, cells=None):
    """Add `template % {"value": cell}` for each cell of `column` (or `cells`) where `bad` holds."""
    if bad.any():
        cells = (frame[column] if cells is None else cells)[bad]
        problems.add_rows(
            frame.loc[bad, LINE],
            column,
            [template % {"value": cell} for cell in cells],
            cause=template,
        )


def check_header(frame, problems, *, required, optional=(), extra_known=()):
    """Missing required and unknown columns; returns whether every required column is there."""
    columns = [column for column in frame.columns if column != LINE]
    known = set(required) | set(optional) | set(extra_known)
    for column in required:
        if column not in columns:
            problems.add(_("Kolonnen mangler."), line=1, column=column)
    for column in columns:
        if column not in known:
            problems.add(_("Ukendt kolonne."), line=1, column=column)
    return all(column in columns for column in required)


def check_filled(frame, column, problems, rows=None):
    """Cells that must not be empty (on `rows`, if given)."""
    bad = frame[column].eq("")
    if rows is not None:
        bad &= rows
    problems.add_rows(frame.loc[bad, LINE], column, _("Feltet skal udfyldes."))


def check_pattern(frame, column, problems, pattern, message, rows=None):
    """Non-empty cells that do not match `pattern` entirely."""
    cells = frame[column]
    bad = cells.ne("") & ~cells.str.fullmatch(pattern)
    if rows is not None:
        bad &= rows
    report(frame, bad, column, problems, message)
    return ~bad


def check_choices(frame, column, problems, choices):
    cells = frame[column]
    bad = cells.ne("") & ~cells.isin(choices)
    template = _("«%%(value)s» er ikke en af værdierne %(choices)s.") % {
        "choices": ", ".join(choices)
    }
    report(frame, bad, column, problems, template)


def check_length(frame, column, problems, max_length):
    bad = frame[column].str.len() > max_length
    template = _("Teksten er længere end %(max)s tegn.") % {"max": max_length}
    problems.add_rows(frame.loc[bad, LINE], column, template)


def parse_number(
    frame, column, problems, *, integer=False, minimum=None, maximum=None, positive=False
):
    """The column as floats (NaN when empty or wrong); decimal commas and impossible values are
    problems."""
    cells = frame[column]
    empty = cells.eq("")
    comma = cells.str.contains(",", regex=False)
    report(
        frame,
        comma,
        column,
        problems,
        DECIMAL_COMMA,
    )
    numbers = pd.to_numeric(cells.where(~empty & ~comma), errors="coerce")
    not_number = ~empty & ~comma & ~np.isfinite(numbers)
    report(frame, not_number, column, problems, _("«%(value)s» er ikke et tal."))
    numbers = numbers.where(~not_number)
    if integer:
        fraction = numbers.notna() & (numbers % 1 != 0)
        report(frame, fraction, column, problems, _("«%(value)s» er ikke et helt tal."))
        numbers = numbers.where(~fraction)
    if positive:
        report(frame, numbers <= 0, column, problems, _("«%(value)s» skal være større end 0."))
    if minimum is not None:
        report(
            frame,
            numbers < minimum,
            column,
            problems,
            _("«%%(value)s» er mindre end %(minimum)s.") % {"minimum": minimum},
        )
    if maximum is not None:
        report(
            frame,
            numbers > maximum,
            column,
            problems,
            _("«%%(value)s» er større end %(maximum)s.") % {"maximum": maximum},
        )
    return numbers


def parse_boolean(frame, column, problems):
    """true/false or 1/0 as 1.0/0.0."""
    cells = frame[column].str.lower()
    values = cells.map({"true": 1.0, "1": 1.0, "false": 0.0, "0": 0.0})
    bad = cells.ne("") & values.isna()
    report(frame, bad, column, problems, _("«%(value)s» er ikke true/false eller 1/0."))
    return values


def parse_date(frame, column, problems):
    """YYYY-MM-DD as a Timestamp (NaT when empty or wrong)."""
    cells = frame[column]
    dates = pd.to_datetime(cells.where(cells.ne("")), format="%Y-%m-%d", errors="coerce")
    bad = cells.ne("") & (dates.isna() | ~cells.str.fullmatch(r"\d{4}-\d{2}-\d{2}"))
    report(frame, bad, column, problems, _("«%(value)s» er ikke en dato (ÅÅÅÅ-MM-DD)."))
    return dates.where(~bad)


def days_since_epoch(dates):
    """Dates as days since 1970-01-01, the way KeyFigureValue stores them."""
    return (dates - EPOCH).dt.days.astype(float)


def report_duplicates(frame, key, problems, column, valid):
    """Rows whose key occurs more than once, each naming the lines of the others."""
    duplicated = key.duplicated(keep=False) & valid
    if not duplicated.any():
        return
    lines = (
        frame.loc[duplicated, LINE]
        .groupby(key[duplicated])
        .agg(lambda group: ", ".join(str(line) for line in group))
    )
    template = _("Nøglen %(key)s står flere gange i filen (linje %(lines)s).")
    messages = [template % {"key": value, "lines": lines[value]} for value in key[duplicated]]
    problems.add_rows(frame.loc[duplicated, LINE], column, messages, cause=template)
