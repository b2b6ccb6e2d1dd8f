"""Key-figure import: derived figures, replacement of a year, XLSX, and every kind of rejection
leaving the database as it was."""

import io
from pathlib import Path

import openpyxl
import pytest

from monitoring.importing import ImportFile, import_entities, import_key_figures
from monitoring.models import ImportBatch, KeyFigureValue
from monitoring.signals import key_figures_imported

DATA = Path(__file__).parent / "data"
HEADER = "year,level,org_no,estate_no,tenancy_units,homes,area_m2,rent_per_m2,vacant_homes"


def data_file(name):
    return ImportFile.from_path(DATA / name)


def csv_file(text, name="key_figures.csv"):
    return ImportFile(name, text.encode())


@pytest.fixture
def entities(db):
    batch = import_entities(data_file("organisations.csv"), data_file("estates.csv"))
    assert batch.status == ImportBatch.Status.SUCCEEDED, batch.errors


def values(year=2024):
    """{(org_no, estate_no or None, code): value}"""
    rows = KeyFigureValue.objects.filter(year=year).values_list(
        "organisation__org_no", "estate__estate_no", "figure__code", "value"
    )
    return {(org, estate, code): value for org, estate, code, value in rows}


def test_valid_file_imports_values_and_hand_computed_derived_figures(entities):
    batch = import_key_figures(data_file("key_figures_2024.csv"), year=2024)

    assert batch.status == ImportBatch.Status.SUCCEEDED, batch.errors
    assert batch.rows == 6
    stored = values()
    assert stored[("0412", "001", "rent_per_m2")] == 912.40
    assert stored[("0412", "001", "vacancy_rate_pct")] == pytest.approx(1 / 146 * 100)
    assert stored[("0412", "001", "turnover_pct")] == pytest.approx(20 / 146 * 100)
    assert stored[("0412", "001", "annual_result_pct")] == pytest.approx(
        -103905.12 / (912.40 * 11388.0) * 100
    )
    assert stored[("0412", "002", "accumulated_deficit_pct")] == pytest.approx(
        5740 / (1034.75 * 2774) * 100
    )
    assert stored[("0412", "007", "evictions_per_1000")] == pytest.approx(2 / 214 * 1000)
    # The organisation's rates are its estates' weighted by homes, over the estates reporting.
    assert stored[("0412", None, "vacancy_rate_pct")] == pytest.approx(10 / 396 * 100)
    assert stored[("0412", None, "turnover_pct")] == pytest.approx(24 / 184 * 100)
    assert stored[("0412", None, "evictions_per_1000")] == pytest.approx(4 / 1862 * 1000)
    # Booleans as 0/1, dates as days since 1970-01-01, empty cells as no row.
    assert stored[("0412", "002", "has_estate_board")] == 0
    assert stored[("0413", None, "auditor_qualified")] == 1
    assert stored[("0412", None, "accounts_received_date")] == 20228
    assert ("0412", "007", "moveouts") not in stored
    assert ("0412", "007", "turnover_pct") not in stored
    assert set(KeyFigureValue.objects.values_list("batch", flat=True)) == {batch.pk}
    assert batch.summary["values"] == len(stored)


def test_partial_reimport_replaces_the_year_exactly_and_keeps_other_years(entities):
    import_key_figures(data_file("key_figures_2024.csv"), year=2024)
    # 2023 is older than the newest year: only entities that had reported by then owe it.
    other_year = csv_file("year,level,org_no,estate_no,tenancy_units\n2023,org,0412,,1800\n")
    assert import_key_figures(other_year, year=2023).status == ImportBatch.Status.SUCCEEDED

    smaller = csv_file(f"{HEADER}\n2024,estate,0412,001,149,146,11388.0,950,3\n")
    batch = import_key_figures(smaller, year=2024, partial=True)

    assert batch.status == ImportBatch.Status.SUCCEEDED, batch.errors
    assert batch.summary["uncovered"] == {"organisations": 2, "estates": 3}
    assert values() == {
        ("0412", "001", "tenancy_units"): 149,
        ("0412", "001", "homes"): 146,
        ("0412", "001", "area_m2"): 11388.0,
        ("0412", "001", "rent_per_m2"): 950,
        ("0412", "001", "vacant_homes"): 3,
        ("0412", "001", "vacancy_rate_pct"): pytest.approx(3 / 146 * 100),
        ("0412", None, "vacancy_rate_pct"): pytest.approx(3 / 146 * 100),
    }
    assert values(2023) == {("0412", None, "tenancy_units"): 1800}


def test_xlsx_first_sheet_with_numeric_numbers_is_zero_padded(entities):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["year", "level", "org_no", "estate_no", "homes", "area_m2", "vacant_homes"])
    sheet.append([2024, "estate", 412, 7, 212, 15900.0, 9])
    sheet.append([2024, "estate", "0412", "002", 38, 2774.5, 0])
    workbook.create_sheet("Noter").append(["ignored"])
    content = io.BytesIO()
    workbook.save(content)

    batch = import_key_figures(
        ImportFile("nøgletal.xlsx", content.getvalue()), year=2024, partial=True
    )

    assert batch.status == ImportBatch.Status.SUCCEEDED, batch.errors
    stored = values()
    assert stored[("0412", "007", "homes")] == 212
    assert stored[("0412", "002", "area_m2")] == 2774.5
    assert stored[("0412", "007", "vacancy_rate_pct")] == pytest.approx(9 / 212 * 100)


def test_success_sends_key_figures_imported_after_commit(
    entities, django_capture_on_commit_callbacks
):
    received = []

    def receiver(sender, batch, **kwargs):
        received.append(batch)

    key_figures_imported.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            batch = import_key_figures(data_file("key_figures_2024.csv"), year=2024)
            assert received == []
    finally:
        key_figures_imported.disconnect(receiver)
    assert received == [batch]


# (file text, column, a fragment of the Danish message) for each kind of problem.
BAD_FILES = {
    "missing key column": (
        "year,level,org_no,tenancy_units\n2024,org,0412,10\n",
        "estate_no",
        "Kolonnen mangler",
    ),
    "missing required column": (
        "year,level,org_no,estate_no,homes\n2024,estate,0412,001,146\n",
        "area_m2",
        "Kolonnen mangler",
    ),
    "unknown column": (
        f"{HEADER},colour\n2024,org,0412,,10,,,,,blue\n",
        "colour",
        "Ukendt kolonne",
    ),
    "derived column": (
        f"{HEADER},turnover_pct\n2024,org,0412,,10,,,,,\n",
        "turnover_pct",
        "beregnes af portalen",
    ),
    "wrong level": (f"{HEADER}\n2024,org,0412,,10,,,950,\n", "rent_per_m2", "kun afdelinger"),
    "unknown organisation": (f"{HEADER}\n2024,org,0999,,10,,,,\n", "org_no", "0999 findes ikke"),
    "unknown estate": (
        f"{HEADER}\n2024,estate,0412,099,10,10,800,,\n",
        "estate_no",
        "0412-099 findes ikke",
    ),
    "duplicate key": (
        f"{HEADER}\n2024,org,0412,,10,,,,\n2024,org,0412,,11,,,,\n",
        "org_no",
        "flere gange i filen (linje 2, 3)",
    ),
    "not a number": (
        f"{HEADER}\n2024,estate,0412,001,149,146,11388,mange,1\n",
        "rent_per_m2",
        "«mange» er ikke et tal",
    ),
    "quoted decimal comma": (
        f'{HEADER}\n2024,estate,0412,001,149,146,11388,"912,40",1\n',
        "rent_per_m2",
        "decimalkomma",
    ),
    "bare decimal comma": (
        f"{HEADER}\n2024,estate,0412,001,149,146,11388,912,40,1\n",
        "rent_per_m2",
        "«912,40» har decimalkomma – brug decimalpunktum, eller gem filen med semikolon",
    ),
    "extra field that is not a decimal": (
        f"{HEADER}\n2024,estate,0412,001,149,146,11388,912,x,1\n",
        "",
        "Linjen har 10 felter, men overskriften har 9",
    ),
    "short row": (
        f"{HEADER}\n2024,estate,0412,001,149,146,11388\n",
        "",
        "Linjen har 7 felter, men overskriften har 9",
    ),
    "negative homes": (
        f"{HEADER}\n2024,estate,0412,001,149,-146,11388,912,1\n",
        "homes",
        "større end 0",
    ),
    "fractional count": (
        f"{HEADER}\n2024,estate,0412,001,149,146,11388,912,1.5\n",
        "vacant_homes",
        "helt tal",
    ),
    "more vacant than homes": (
        f"{HEADER}\n2024,estate,0412,001,149,146,11388,912,150\n",
        "vacant_homes",
        "flere end antal boliger",
    ),
    "percentage above 100": (
        "year,level,org_no,estate_no,tenancy_units,arrears_pct\n2024,org,0412,,10,101\n",
        "arrears_pct",
        "større end 100",
    ),
    "bad boolean": (
        "year,level,org_no,estate_no,tenancy_units,auditor_qualified\n2024,org,0412,,10,ja\n",
        "auditor_qualified",
        "true/false",
    ),
    "bad date": (
        "year,level,org_no,estate_no,tenancy_units,accounts_received_date\n2024,org,0412,,10,20-05-2025\n",
        "accounts_received_date",
        "ikke en dato",
    ),
    "other year": (f"{HEADER}\n2023,org,0412,,10,,,,\n", "year", "passer ikke til importåret 2024"),
    "required value empty": (
        f"{HEADER}\n2024,estate,0412,001,149,,11388,912,1\n",
        "homes",
        "skal udfyldes",
    ),
    "bad level": (f"{HEADER}\n2024,region,0412,,10,,,,\n", "level", "ikke en af værdierne"),
    "estate number on organisation row": (
        f"{HEADER}\n2024,org,0412,001,10,,,,\n",
        "estate_no",
        "Skal være tom",
    ),
    "wrong file type": ("year\n2024\n", "", "CSV eller XLSX"),
    "no rows": (f"{HEADER}\n", "", "ingen rækker"),
}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_each_problem_rejects_the_file_and_leaves_the_database_unchanged(entities, kind):
    import_key_figures(data_file("key_figures_2024.csv"), year=2024)
    before = values()
    text, column, fragment = BAD_FILES[kind]
    name = "nøgletal.txt" if kind == "wrong file type" else "nøgletal.csv"

    batch = import_key_figures(csv_file(text, name), year=2024)

    assert batch.status == ImportBatch.Status.FAILED
    assert values() == before
    assert KeyFigureValue.objects.filter(batch=batch).count() == 0
    assert any(
        error["column"] == column and fragment in error["message"] for error in batch.errors
    ), batch.errors
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.FAILED and batch.finished_at


def test_every_problem_is_reported_at_once_with_line_and_column(entities):
    text = (
        f"{HEADER},colour\n"
        "2024,estate,0412,001,149,146,11388,912.4,1,\n"
        "2023,estate,0412,001,149,-5,11388,abc,1,\n"
        "2024,org,0999,,10,,,,,\n"
    )

    batch = import_key_figures(csv_file(text), year=2024)

    found = {(error["line"], error["column"]) for error in batch.errors}
    assert found >= {
        (1, "colour"),
        (3, "year"),
        (3, "homes"),
        (3, "rent_per_m2"),
        (4, "org_no"),
        (2, "org_no"),  # 0412-001 twice
    }
    assert all(error["file"] == "key_figures.csv" for error in batch.errors)


def test_many_problems_of_one_cause_are_reported_once_with_their_count(entities):
    rows = "".join(f"2024,estate,0412,{n:03d},1,1,1,x{n},1\n" for n in range(300))

    batch = import_key_figures(csv_file(HEADER + "\n" + rows), year=2024)

    assert batch.summary["error_count"] == 597  # every bad rent and every unknown estate
    assert {(error["column"], error["message"]) for error in batch.errors} == {
        (
            "estate_no",
            "297 linjer har samme fejl, fx linje 2: Afdeling 0412-000 findes ikke – indlæs "
            "organisationer og afdelinger først.",
        ),
        ("rent_per_m2", "300 linjer har samme fejl, fx linje 2: «x0» er ikke et tal."),
    }


def test_reported_problems_are_capped_with_the_total_counted(entities):
    """Causes seen a few times each are listed one by one, up to 200."""
    rows = "".join(f"x{n},estate,0412,001,x,x,x,x,x\n" for n in range(30))

    batch = import_key_figures(csv_file(HEADER + "\n" + rows), year=2024)

    assert len(batch.errors) == 200
    assert batch.summary["error_count"] > 200
    assert batch.errors[0]["line"] == 2


def test_failed_import_is_recorded_with_checksum_and_rows(entities):
    source = csv_file(f"{HEADER}\n2024,org,0999,,10,,,,\n")

    batch = import_key_figures(source, year=2024)

    batch.refresh_from_db()
    assert batch.kind == ImportBatch.Kind.KEY_FIGURES
    assert batch.year == 2024
    assert batch.file_name == "key_figures.csv"
    assert batch.checksum == source.checksum and len(batch.checksum) == 64
    assert batch.rows == 1
    assert batch.summary["error_count"] == 1
