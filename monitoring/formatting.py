"""Key-figure values as people read them: the one formatter of pages, charts, CSV, XLSX and the API.

The database keeps every value as one float (booleans 0/1, dates as days since 1970-01-01; see
`KeyFigureValue`). These functions turn it back into what the figure's kind means, decimals
rounded to the figure's `decimals`, in the active language's separators ("1.234,5" in Danish):

- `format_value(figure, value)`: text for pages and CSV ("30. juni 2024", "Ja", "4,8", "–").
- `header(figure)`: the figure's name with its unit ("Husleje pr. m² (kr./m²)").
- `set_xlsx_cell(cell, figure, value)`: an openpyxl cell with a real date, a rounded number
  and its number format, or "Ja"/"Nej".
- `natural_value(figure, value)`: bool, int, date or float, for JSON.
- `format_percent(number)` and `format_quantity(number)`: numbers that are no figure's value (a
  change in percent, a percentile, a count of peers or years), for explanations and reasons.
"""

import datetime
import math

from django.utils import formats
from django.utils.translation import gettext as _

from monitoring.models import ValueKind

EPOCH = datetime.date(1970, 1, 1)
MISSING = "–"
# Danish month names whatever the reader's Excel language (406 is Danish's locale id).
XLSX_DATE_FORMAT = "[$-406]d. mmmm yyyy"


def is_missing(value):
    return value is None or (isinstance(value, float) and math.isnan(value))


def decimals(figure):
    """The decimals the figure is shown with: counts, dates and booleans have none."""
    return figure.decimals if figure.kind == ValueKind.DECIMAL else 0


def natural_value(figure, value):
    """The stored float as the figure's kind says: bool, int, date or float (None if missing)."""
    if is_missing(value):
        return None
    if figure.kind == ValueKind.BOOLEAN:
        return value != 0
    if figure.kind == ValueKind.COUNT:
        return round(value)
    if figure.kind == ValueKind.DATE:
        return EPOCH + datetime.timedelta(days=round(value))
    return value


def rounded_value(figure, value):
    """The natural value with a decimal rounded to the figure's decimals (never "-0")."""
    natural = natural_value(figure, value)
    if figure.kind == ValueKind.DECIMAL and natural is not None:
        return round(natural, decimals(figure)) + 0.0
    return natural


def format_number(number, places):
    """A number with exactly `places` decimals and the language's separators ("1.234,5")."""
    if is_missing(number):
        return MISSING
    return formats.number_format(round(number, places) + 0, places, force_grouping=True)


def format_percent(number):
    """A share or change in percent, with one decimal ("11,9"): the unit is the text's."""
    return format_number(number, 1)


def format_quantity(number):
    """A number that belongs to no figure (a percentile, a count of peers or years): a whole
    number without decimals, another with one ("97,5")."""
    if is_missing(number):
        return MISSING
    return format_number(number, 0 if round(float(number), 1).is_integer() else 1)


def format_value(figure, value):
    """The value as text: a date ("30. juni 2024"), Ja/Nej, or a number with the figure's
    decimals; a dash when missing."""
    natural = rounded_value(figure, value)
    if natural is None:
        return MISSING
    if figure.kind == ValueKind.BOOLEAN:
        return _("Ja") if natural else _("Nej")
    if figure.kind == ValueKind.DATE:
        return formats.date_format(natural, "DATE_FORMAT")
    return format_number(natural, decimals(figure))


def unit(figure):
    """The unit worth printing: a date's "dato" and a boolean's "ja/nej" say nothing the value
    does not."""
    if figure.kind in (ValueKind.DATE, ValueKind.BOOLEAN):
        return ""
    return figure.unit


def header(figure):
    """The figure's name with its unit, for a column or row header."""
    return f"{figure.name} ({unit(figure)})" if unit(figure) else figure.name


def number_format(figure):
    """The Excel number format of the figure's cells."""
    if figure.kind == ValueKind.DATE:
        return XLSX_DATE_FORMAT
    if figure.kind == ValueKind.BOOLEAN:
        return "General"
    places = decimals(figure)
    return "#,##0." + "0" * places if places else "#,##0"


def xlsx_value(figure, value):
    """What an XLSX cell holds: a date, a rounded number, "Ja"/"Nej", or None if missing."""
    natural = rounded_value(figure, value)
    if figure.kind == ValueKind.BOOLEAN and natural is not None:
        return _("Ja") if natural else _("Nej")
    return natural


def set_xlsx_cell(cell, figure, value):
    """Fill an openpyxl cell with the value and its number format; returns the cell."""
    cell.value = xlsx_value(figure, value)
    cell.number_format = number_format(figure)
    return cell
