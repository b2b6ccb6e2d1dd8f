"""Reading CSV and XLSX import files into frames of strings, each row with its line number.

Everything is read as text first, so validation can say which line and column is wrong instead
of pandas guessing types (and turning "0042" into 42).
"""

import csv
import datetime
import hashlib
import io
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

LINE = "_line"
COMMA, SEMICOLON = ",", ";"
# A whole number and a decimal part: two fields of a comma file cut by a decimal comma.
WHOLE = re.compile(r"-?\d+")
DECIMALS = re.compile(r"\d{1,2}")
TWO_DECIMALS = re.compile(r"\d{2}")
# Danish Excel's number format: "." between thousands (optional), "," before decimals.
DANISH_NUMBER = r"-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?"
DECIMAL_COMMA = gettext_lazy(
    "«%(value)s» har decimalkomma – brug decimalpunktum, eller gem filen med semikolon som "
    "skilletegn (CSV fra dansk Excel)."
)
TOO_MANY_FIELDS = gettext_lazy(
    "Linjen har %(seen)s felter, men overskriften har %(expected)s. Står der et komma i et tal "
    "eller en tekst? Brug decimalpunktum, eller gem filen med semikolon som skilletegn."
)
TOO_FEW_FIELDS = gettext_lazy(
    "Linjen har %(seen)s felter, men overskriften har %(expected)s. Linjen er afkortet eller "
    "mangler felter."
)
NOT_DANISH_NUMBER = gettext_lazy(
    "«%(value)s» er ikke et tal i dansk format: i en fil med semikolon som skilletegn er komma "
    "decimaltegn og punktum tusindtalsskilletegn (fx 1.234,56)."
)


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
    delimiter = SEMICOLON if SEMICOLON in text.partition("\n")[0] else COMMA
    lines = _record_lines(text, delimiter, problems)
    if lines is None:
        return None
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
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
    if delimiter == SEMICOLON:
        frame = _danish_numbers(frame, problems)
    return frame


def _record_lines(text, delimiter, problems):
    """The line number of each data record; None, with a problem naming each line, if any
    record has more or fewer fields than the header (a damaged, cut or hand-edited file)."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = next(reader, None)
    if header is None:
        problems.add(_("Filen er tom."))
        return None
    lines, wrong = [], False
    for record in reader:
        lines.append(reader.line_num)
        if record and len(record) != len(header):
            wrong = True
            _report_field_count(record, header, reader.line_num, delimiter, problems)
    return None if wrong else np.array(lines, dtype=np.int64)


def _report_field_count(record, header, line, delimiter, problems):
    """A record whose fields do not match the header. In a comma file, extra fields nearly always
    come from decimal commas: when they can be placed, each is named with its column."""
    if delimiter == COMMA and len(record) > len(header):
        columns = _decimal_comma_columns(record, header)
        if columns:
            for column, value in columns:
                problems.add(
                    DECIMAL_COMMA % {"value": value}, line=line, column=column, cause=DECIMAL_COMMA
                )
            return
    template = TOO_MANY_FIELDS if len(record) > len(header) else TOO_FEW_FIELDS
    problems.add(
        template % {"seen": len(record), "expected": len(header)}, line=line, cause=template
    )


def _decimal_comma_columns(record, header):
    """[(column, "912,40"), …] when the extra fields can be placed: exactly as many places where
    a whole number is followed by a decimal part (of one or two digits, or else of two) as
    there are extra fields; [] when that is ambiguous."""
    extra = len(record) - len(header)
    for decimals in (DECIMALS, TWO_DECIMALS):
        starts = [
            index
            for index in range(len(record) - 1)
            if WHOLE.fullmatch(record[index].strip())
            and decimals.fullmatch(record[index + 1].strip())
        ]
        apart = all(later - earlier > 1 for earlier, later in itertools.pairwise(starts))
        if len(starts) == extra and apart:
            return [
                (header[index - merged].strip(), f"{record[index]},{record[index + 1]}")
                for merged, index in enumerate(starts)
            ]
    return []


def _danish_numbers(frame, problems):
    """Numbers as Danish Excel writes them in a semicolon file ("1.234,56") in the decimal-point
    form the checks read ("1234.56"); a number with a point that cannot be a thousands
    separator ("912.40") is ambiguous there and a problem."""
    for column in frame.columns.drop(LINE):
        cells = frame[column]
        numeric = cells.str.fullmatch(r"-?[\d.,]*\d[\d.,]*")
        if not numeric.any():
            continue
        danish = cells.str.fullmatch(DANISH_NUMBER)
        problems.add_rows(
            frame.loc[numeric & ~danish, LINE],
            column,
            [NOT_DANISH_NUMBER % {"value": cell} for cell in cells[numeric & ~danish]],
            cause=NOT_DANISH_NUMBER,
        )
        frame[column] = cells.where(
            ~danish, cells.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
        )
    return frame


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
