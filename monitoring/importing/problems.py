"""The problems validation finds: every one is collected, then reported sorted, grouped and
capped, so a file with thousands of the same mistake gets a few lines that say so."""

import numpy as np
import pandas as pd
from django.utils import formats
from django.utils.translation import gettext as _

REPORTED_PROBLEMS = 200
# A cause (one message template in one column) found more often than this is reported once.
GROUPED_FROM = 30


class Problems:
    """Collects problems of one import, with the file, line and column each belongs to.

    Checks add whole arrays of offending lines at once (`add_rows`), so a file with thousands of
    bad cells costs a few array operations, and only the reported ones become dicts.
    """

    def __init__(self):
        self._parts = []
        self.file = ""

    def add(self, message, *, line=None, column="", cause=None):
        self.add_rows([line if line is not None else 0], column, [str(message)], cause=cause)

    def add_rows(self, lines, column, messages, cause=None):
        """`messages` is one message for every line, or one per line; `cause` (the template the
        messages were made from) lets many of them be reported as one."""
        lines = np.asarray(lines, dtype=np.int64)
        if not len(lines):
            return
        if isinstance(messages, str):
            cause = cause or messages
            messages = [messages] * len(lines)
        messages = [str(message) for message in messages]
        self._parts.append(
            pd.DataFrame(
                {
                    "file": self.file,
                    "line": lines,
                    "column": column,
                    "message": messages,
                    "cause": str(cause) if cause is not None else messages,
                    "order": len(self._parts),
                }
            )
        )

    def __len__(self):
        return sum(len(part) for part in self._parts)

    def __bool__(self):
        return bool(self._parts)

    def as_list(self, limit=REPORTED_PROBLEMS):
        """The first `limit` problems by file, line and the order checks found them; a cause
        found more than GROUPED_FROM times is one problem with its count and first case."""
        if not self._parts:
            return []
        frame = pd.concat(self._parts, ignore_index=True)
        frame = frame.sort_values(["file", "line", "order"], kind="stable")
        causes = frame.groupby(["file", "column", "cause"], sort=False)
        counts = causes["line"].transform("size")
        grouped = counts > GROUPED_FROM
        first = ~frame.duplicated(["file", "column", "cause"])
        frame = frame.assign(cases=counts)[~grouped | first].head(limit)
        return [_as_dict(row, row.cases > GROUPED_FROM) for row in frame.itertuples()]


def _as_dict(row, grouped):
    line = int(row.line) or None
    message = row.message
    if grouped:
        count = formats.number_format(row.cases, force_grouping=True)
        if line:
            message = _("%(count)s linjer har samme fejl, fx linje %(line)s: %(message)s") % {
                "count": count,
                "line": line,
                "message": message,
            }
        else:
            message = _("%(count)s tilfælde af samme fejl, fx: %(message)s") % {
                "count": count,
                "message": message,
            }
        line = None
    return {"file": row.file, "line": line, "column": row.column, "message": message}
