"""Reading CSV and XLSX import files into frames of strings, each row with its line number.

Everything is read as text first, so validation can say which line and column is wrong instead
of pandas guessing types (and turning "0042" into 42).
"""

import csv
import datetime
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from django.utils.translation import gettext as _

LINE = "_line"


@dataclass(frozen=True)
class ImportFile:
    """An uploaded or local file: its name (for the record) and its bytes."""

    name: str
    content: bytes

    @classmethod
    def from_path(cls, path):
        path = Path(path)
        return cls(path.name, path.read_bytes())

    @property
    def checksum(self):
        return hashlib.sha256(self.content).hexdigest()


def read_table(source, problems, padded=None):
    """The file's rows as strings ("" when empty) with a `_line` column, or None if unreadable.

    `padded` maps columns to widths: numeric XLSX cells there are zero-padded ("42" → "0042").
    """
    suffix = Path(source.name).suffix.lower()
    if suffix == ".csv":
        frame = _read_csv(source.content, problems)
    elif suffix == ".xlsx":
        frame = _read_xlsx(source.content, problems, padded or {})
    else:
        problems.add(_("Filtypen understøttes ikke – brug CSV eller XLSX."))
        return None
    if frame is None:
        return None
    frame.columns = [str(column).strip() for column in frame.columns]
    values = frame.drop(columns=LINE)
    return frame[values.ne("").any(axis=1)].reset_index(drop=True)


def _read_csv(content, problems):
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.add(_("Filen er ikke gemt som UTF-8."))
        return None
    lines = _record_lines(text, problems)
    if lines is None:
        return None
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=False,
            index_col=False,
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        problems.add(_("Filen kan ikke læses som CSV: %(error)s") % {"error": error})
        return None
    frame = frame.apply(lambda column: column.str.strip())
    frame[LINE] = lines[: len(frame)]
    return frame


def _record_lines(text, problems):
    """The line number of each data record; None, with a problem for each, if any record has
    more fields than the header: in this layout nearly always a decimal comma."""
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None:
        problems.add(_("Filen er tom."))
        return None
    lines, too_long = [], []
    for record in reader:
        lines.append(reader.line_num)
        if len(record) > len(header):
            too_long.append((reader.line_num, len(record)))
    for line, seen in too_long:
        problems.add(
            _(
                "Linjen har %(seen)s felter, men overskriften har %(expected)s. "
                "Brug decimalpunktum, ikke decimalkomma, og intet tusindtalsskilletegn."
            )
            % {"seen": seen, "expected": len(header)},
            line=line,
        )
    return None if too_long else np.array(lines, dtype=np.int64)


def _read_xlsx(content, problems, padded):
    try:
        frame = pd.read_excel(io.BytesIO(content), sheet_name=0, dtype=object, engine="openpyxl")
    except Exception as error:  # openpyxl raises many kinds for a damaged or foreign file
        problems.add(_("Filen kan ikke læses som XLSX: %(error)s") % {"error": error})
        return None
    frame.columns = [str(column).strip() for column in frame.columns]
    for column in frame.columns:
        frame[column] = frame[column].map(_cell_text)
        width = padded.get(column)
        if width:
            digits = frame[column].str.fullmatch(r"\d+")
            frame.loc[digits, column] = frame.loc[digits, column].str.zfill(width)
    frame[LINE] = np.arange(2, 2 + len(frame))
    return frame


def _cell_text(value):
    """An XLSX cell as the text a CSV would hold."""
    if pd.isna(value):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime | datetime.date | pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
