"""The import commands print a Danish summary, and exit non-zero listing every problem."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from monitoring.models import ImportBatch, KeyFigureValue

DATA = Path(__file__).parent / "data"


@pytest.fixture
def entities(db):
    call_command("import_entities", DATA / "organisations.csv", DATA / "estates.csv")


def test_import_entities_prints_what_it_did(db, capsys):
    call_command("import_entities", DATA / "organisations.csv", DATA / "estates.csv")

    out = capsys.readouterr().out
    assert "boligorganisationer: 2 nye, 0 opdateret" in out
    assert "afdelinger: 4 nye, 0 opdateret" in out


def test_import_keyfigures_prints_a_summary(entities, capsys):
    call_command("import_keyfigures", DATA / "key_figures_2024.csv", year=2024)

    out = capsys.readouterr().out
    assert "Nøgletal for 2024 indlæst fra key_figures_2024.csv: 6 rækker" in out
    assert KeyFigureValue.objects.filter(year=2024).exists()


def test_import_keyfigures_fails_with_every_problem_and_writes_nothing(entities, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "year,level,org_no,estate_no,tenancy_units,homes,area_m2\n"
        "2023,org,0412,,abc,,\n"
        "2024,estate,0999,001,10,10,\n"
    )

    with pytest.raises(CommandError) as raised:
        call_command("import_keyfigures", bad, year=2024)

    message = str(raised.value)
    assert "bad.csv blev afvist" in message
    assert "bad.csv, linje 2, kolonne year: Året 2023 passer ikke til importåret 2024" in message
    assert "linje 2, kolonne tenancy_units: «abc» er ikke et tal." in message
    assert "linje 3, kolonne area_m2: Feltet skal udfyldes." in message
    assert "linje 3, kolonne org_no: Boligorganisation 0999 findes ikke" in message
    assert not KeyFigureValue.objects.exists()
    assert ImportBatch.objects.filter(status=ImportBatch.Status.FAILED).count() == 1


def test_import_keyfigures_refuses_a_file_that_leaves_out_entities_unless_partial(
    entities, tmp_path, capsys
):
    call_command("import_keyfigures", DATA / "key_figures_2024.csv", year=2024)
    lines = (DATA / "key_figures_2024.csv").read_text().splitlines(keepends=True)
    without_0413 = tmp_path / "uden_0413.csv"
    without_0413.write_text("".join(line for line in lines if ",0413," not in line))
    before = KeyFigureValue.objects.filter(year=2024).count()

    with pytest.raises(CommandError) as raised:
        call_command("import_keyfigures", without_0413, year=2024)

    message = str(raised.value)
    assert "Filen dækker ikke registret for 2024: 1 boligorganisation og 1 afdeling" in message
    assert "kolonne org_no: Boligorganisation 0413 har ingen række i filen." in message
    assert "kolonne estate_no: Afdeling 0413-001 har ingen række i filen." in message
    assert KeyFigureValue.objects.filter(year=2024).count() == before

    call_command("import_keyfigures", without_0413, year=2024, partial=True)

    assert "Nøgletal for 2024 indlæst" in capsys.readouterr().out
    assert not KeyFigureValue.objects.filter(year=2024, organisation__org_no="0413").exists()


def test_import_entities_fails_on_a_missing_file(db, tmp_path):
    with pytest.raises(CommandError, match="kan ikke læses"):
        call_command("import_entities", tmp_path / "mangler.csv", DATA / "estates.csv")


def test_commands_exit_non_zero(entities, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("year,level,org_no,estate_no\n2024,org,0412,\n2024,org,0412,\n")

    with pytest.raises(SystemExit) as exit:
        from django.core.management import execute_from_command_line

        execute_from_command_line(["manage.py", "import_keyfigures", str(bad), "--year", "2024"])
    assert exit.value.code != 0
