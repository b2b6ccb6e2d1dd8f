"""Imports that cannot lose data: damaged files are refused with the line named and nothing
changed, a file that leaves entities out replaces the year only as an explicit partial import
(and R14 then counts them as missing), and Danish Excel's CSV gives the comma file's values
and flags."""

import csv
import datetime
import io
import re
from pathlib import Path

import pytest
from monitoring_fixtures import built_once

from monitoring import evaluation
from monitoring.importing import ImportFile, import_entities, import_key_figures
from monitoring.models import Flag, ImportBatch, KeyFigureValue

DATA = Path(__file__).parent / "data"
COMMA_FILE = (DATA / "key_figures_2024.csv").read_text()
EVALUATION_DATE = datetime.date(2025, 9, 30)


@pytest.fixture(scope="module")
def imported_once(django_db_setup, django_db_blocker):
    yield from built_once(django_db_blocker, import_register)


@pytest.fixture
def imported(db, imported_once):
    """The test register and its 2024 figures, evaluated, once for the module."""


def import_register():
    batch = import_entities(
        ImportFile.from_path(DATA / "organisations.csv"), ImportFile.from_path(DATA / "estates.csv")
    )
    assert batch.status == ImportBatch.Status.SUCCEEDED, batch.errors
    batch = import_key_figures(csv_file(COMMA_FILE), year=2024)
    assert batch.status == ImportBatch.Status.SUCCEEDED, batch.errors
    evaluation.evaluate(today=EVALUATION_DATE)


def csv_file(text, name="key_figures_2024.csv"):
    return ImportFile(name, text.encode())


def state():
    """What a refused import must leave as it was: values, flags and succeeded imports."""
    return {
        "values": list(KeyFigureValue.objects.order_by("pk").values_list()),
        "flags": list(Flag.objects.order_by("pk").values_list()),
        "succeeded": ImportBatch.objects.filter(status=ImportBatch.Status.SUCCEEDED).count(),
    }


def lines_of(text):
    return text.splitlines(keepends=True)


def cut_mid_row():
    """The last line cut after "2024,estate,0413,00"."""
    return COMMA_FILE[: COMMA_FILE.rindex("\n", 0, -1) + 20]


def cut_at_row_boundary():
    return "".join(lines_of(COMMA_FILE)[:-1])


def short_middle_row():
    lines = lines_of(COMMA_FILE)
    lines[2] = ",".join(lines[2].split(",")[:9]) + "\n"
    return "".join(lines)


# (the damaged file, the line and column named, a fragment of the message)
DAMAGED = {
    "cut mid-row": (cut_mid_row, 7, "", "Linjen har 4 felter, men overskriften har 18"),
    "cut at a row boundary": (
        cut_at_row_boundary,
        None,
        "estate_no",
        "Afdeling 0413-001 har ingen række i filen.",
    ),
    "short row in the middle": (
        short_middle_row,
        3,
        "",
        "Linjen har 9 felter, men overskriften har 18. Linjen er afkortet",
    ),
}


@pytest.mark.parametrize("damage", DAMAGED)
def test_a_damaged_file_is_refused_naming_where_and_changes_nothing(imported, damage):
    make, line, column, fragment = DAMAGED[damage]
    before = state()

    batch = import_key_figures(csv_file(make()), year=2024)

    assert batch.status == ImportBatch.Status.FAILED
    assert any(
        error["line"] == line and error["column"] == column and fragment in error["message"]
        for error in batch.errors
    ), batch.errors
    evaluation.evaluate(today=EVALUATION_DATE)
    assert state() == before


def test_a_file_cut_at_a_row_boundary_is_only_imported_as_an_explicit_partial_import(imported):
    refused = import_key_figures(csv_file(cut_at_row_boundary()), year=2024)
    assert refused.summary["uncovered"] == {"organisations": 0, "estates": 1}
    assert refused.errors[0]["message"].startswith(
        "Filen dækker ikke registret for 2024: 1 afdeling, som skal indberette for året, har "
        "ingen række."
    )

    batch = import_key_figures(csv_file(cut_at_row_boundary()), year=2024, partial=True)

    assert batch.status == ImportBatch.Status.SUCCEEDED, batch.errors
    assert batch.summary["partial"] is True
    assert not KeyFigureValue.objects.filter(
        year=2024, estate__estate_no="001", organisation__org_no="0413"
    ).exists()


def r14_flags():
    flags = Flag.objects.current().filter(rule__code="R14", year=2024)
    return {
        (flag.organisation.org_no, flag.estate.estate_no if flag.estate else ""): (
            flag.severity,
            flag.explanation,
        )
        for flag in flags.select_related("organisation", "estate")
    }


def test_r14_rises_when_a_partial_import_leaves_entities_out(imported):
    before = r14_flags()
    batch = import_key_figures(csv_file(in_year(2024, without="0413")), year=2024, partial=True)
    assert batch.status == ImportBatch.Status.SUCCEEDED, batch.errors
    evaluation.evaluate(today=EVALUATION_DATE)

    after = r14_flags()
    assert len(after) > len(before)
    missing = "Nøgletallene for 2024 mangler (frist 30. juni 2025)."
    assert after[("0413", "")] == ("yellow", missing)
    assert after[("0413", "001")] == ("yellow", missing)
    assert ("0413", "001") not in before


def in_year(year, text=COMMA_FILE, without=None):
    lines = [line.replace("2024,", f"{year},", 1) for line in lines_of(text)]
    return "".join(line for line in lines if without is None or f",{without}," not in line)


def test_an_entity_absent_two_years_running_is_red(imported):
    assert import_key_figures(csv_file(in_year(2022)), year=2022).status == "succeeded"
    for year in (2023, 2024):
        batch = import_key_figures(csv_file(in_year(year, without="0413")), year=year)
        assert batch.summary["uncovered"] == {"organisations": 1, "estates": 1}
        batch = import_key_figures(csv_file(in_year(year, without="0413")), year=year, partial=True)
        assert batch.status == ImportBatch.Status.SUCCEEDED, batch.errors
    evaluation.evaluate(today=EVALUATION_DATE)

    flags = Flag.objects.current().filter(rule__code="R14", organisation__org_no="0413")
    assert dict(flags.filter(estate__isnull=False).values_list("year", "severity")) == {
        2023: "yellow",
        2024: "red",
    }


def danish_excel(text):
    """The file as Danish Excel saves it: semicolons, decimal commas, thousands points on
    decimal numbers, CRLF and a byte order mark."""
    rows = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow([_danish_number(cell) for cell in row])
    return "\ufeff" + out.getvalue()


def _danish_number(cell):
    match = re.fullmatch(r"(-?)(\d+)\.(\d+)", cell)
    if not match:
        return cell
    sign, whole, decimals = match.groups()
    return f"{sign}{int(whole):,}".replace(",", ".") + "," + decimals


def flags_and_values():
    values = KeyFigureValue.objects.values_list(
        "figure_id", "year", "organisation_id", "estate_id", "value"
    )
    flags = Flag.objects.current().values_list(
        "rule__code", "organisation_id", "estate_id", "year", "severity", "explanation"
    )
    return set(values), set(flags)


def test_danish_excel_csv_gives_the_comma_files_values_and_flags(imported):
    comma_values, comma_flags = flags_and_values()
    text = danish_excel(COMMA_FILE)
    assert "-103.905,12;" in text and "\r\n" in text and ";4.210,50;" in text

    batch = import_key_figures(ImportFile("nøgletal.csv", text.encode()), year=2024)

    assert batch.status == ImportBatch.Status.SUCCEEDED, batch.errors
    evaluation.evaluate(today=EVALUATION_DATE)
    values, flags = flags_and_values()
    assert values == comma_values
    assert flags == comma_flags and flags


def test_a_point_in_a_semicolon_file_is_ambiguous_and_named(imported):
    text = danish_excel(COMMA_FILE).replace("912,40", "912.40")
    before = state()

    batch = import_key_figures(ImportFile("nøgletal.csv", text.encode("utf-8")), year=2024)

    assert batch.status == ImportBatch.Status.FAILED
    assert batch.errors == [
        {
            "file": "nøgletal.csv",
            "line": 3,
            "column": "rent_per_m2",
            "message": "«912.40» er ikke et tal i dansk format: i en fil med semikolon som "
            "skilletegn er komma decimaltegn og punktum tusindtalsskilletegn (fx 1.234,56).",
        }
    ]
    assert state() == before


def test_thousands_of_decimal_commas_in_a_comma_file_are_one_problem_per_column(imported):
    header = "year,level,org_no,estate_no,tenancy_units,homes,area_m2,rent_per_m2,vacant_homes"
    rows = "".join(f"2024,estate,0412,001,149,146,11388,912,{n % 90 + 10},1\n" for n in range(500))

    batch = import_key_figures(csv_file(f"{header}\n{rows}"), year=2024)

    assert batch.status == ImportBatch.Status.FAILED
    assert batch.summary["error_count"] == 500
    assert batch.errors == [
        {
            "file": "key_figures_2024.csv",
            "line": None,
            "column": "rent_per_m2",
            "message": "500 linjer har samme fejl, fx linje 2: «912,10» har decimalkomma – brug "
            "decimalpunktum, eller gem filen med semikolon som skilletegn (CSV fra dansk Excel).",
        }
    ]
