"""The spreadsheet cell rule every export shares (portal/exports.py)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portal.exports import safe_cell


@pytest.mark.parametrize(
    "text", ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", "=2+5+cmd|'/Ccalc'!A0"]
)
def test_text_a_spreadsheet_would_run_is_quoted(text):
    assert safe_cell(text) == f"'{text}"


@pytest.mark.parametrize(
    "value",
    [-10, 3.5, None, "-10", "-3,5", "-1.234.568", "-1.234,5", "+2.5e3", "Boligselskabet", ""],
)
def test_numbers_and_ordinary_text_are_unchanged(value):
    assert safe_cell(value) == value


@given(st.text())
def test_no_text_leaves_starting_with_a_formula_character_unless_it_is_a_number(text):
    cell = safe_cell(text)
    assert not cell.startswith(("=", "@", "\t", "\r"))
    if cell.startswith(("+", "-")):
        assert set(cell[1:].lower()) <= set("0123456789.,e+-"), "only a number may lead with a sign"
