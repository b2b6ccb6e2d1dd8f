"""Key-figure values in their natural JSON form.

The database keeps every value as one float (booleans 0/1, dates as days since 1970-01-01);
API clients should not have to know that.
"""

import datetime

from monitoring.models import ValueKind

EPOCH = datetime.date(1970, 1, 1)


def natural_value(value, kind):
    """A stored float as the figure's kind says: bool, int, date, or float."""
    if value is None:
        return None
    if kind == ValueKind.BOOLEAN:
        return value != 0
    if kind == ValueKind.COUNT:
        return round(value)
    if kind == ValueKind.DATE:
        return EPOCH + datetime.timedelta(days=round(value))
    return value
