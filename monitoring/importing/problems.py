"""The problems validation finds: every one is collected, then reported sorted and capped."""

import numpy as np
import pandas as pd

REPORTED_PROBLEMS = 200


class Problems:
    """Collects problems of one import, with the file, line and column each belongs to.

    Checks add whole arrays of offending lines at once (`add_rows`), so a file with thousands of
    bad cells costs a few array operations, and only the reported ones become dicts.
    """

    def __init__(self):
        self._parts = []
        self.file = ""

    def add(self, message, *, line=None, column=""):
        self.add_rows([line if line is not None else 0], column, [str(message)])

    def add_rows(self, lines, column, messages):
        """`messages` is one message for every line, or one per line."""
        lines = np.asarray(lines, dtype=np.int64)
        if not len(lines):
            return
        if isinstance(messages, str):
            messages = [messages] * len(lines)
        self._parts.append(
            pd.DataFrame(
                {
                    "file": self.file,
                    "line": lines,
                    "column": column,
                    "message": [str(message) for message in messages],
                    "order": len(self._parts),
                }
            )
        )

    def __len__(self):
        return sum(len(part) for part in self._parts)

    def __bool__(self):
        return bool(self._parts)

    def as_list(self, limit=REPORTED_PROBLEMS):
        """The first `limit` problems by file, line and the order checks found them."""
        if not self._parts:
            return []
        frame = pd.concat(self._parts, ignore_index=True)
        frame = frame.sort_values(["file", "line", "order"], kind="stable").head(limit)
        return [
            {
                "file": row.file,
                "line": int(row.line) or None,
                "column": row.column,
                "message": row.message,
            }
            for row in frame.itertuples()
        ]
