"""Spreadsheet cells that stay text: every CSV and XLSX the portal writes goes through here.

A text cell starting with = + - @ tab or carriage return is read by Excel and LibreOffice as a
formula (CSV injection), so a hostile organisation name or e-mail address could run one on an
operator's machine. OWASP's advice: prefix such text with a single quote. Numbers, and text that
is only a number (a negative value written as text, with or without thousands separators:
"-1.234,5"), are left alone.
"""

import csv
import re

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*(?:[eE][+-]?\d+)?")


def safe_cell(value):
    """The value, with text a spreadsheet would run as a formula prefixed by a quote."""
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_PREFIXES)
        and not PLAIN_NUMBER.fullmatch(value)
    ):
        return f"'{value}"
    return value


def safe_row(values):
    return [safe_cell(value) for value in values]


class SafeCsvWriter:
    """csv.writer whose rows are neutralised cell by cell."""

    def __init__(self, stream, **options):
        self._writer = csv.writer(stream, **options)

    def writerow(self, row):
        return self._writer.writerow(safe_row(row))


class SafeSpreadsheetExportMixin:
    """For Wagtail report views (SpreadsheetExportMixin): their CSV and XLSX cells neutralised.

    Wagtail keeps an XLSX formula as text but writes CSV cells as they are."""

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(super().preprocess_field_value(field, value, export_format))
