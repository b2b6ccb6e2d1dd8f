"""An editor uploads key figures in the Wagtail admin with Chromium: a refused file names its
problems, Danish Excel's CSV is imported, and a file that leaves entities out is imported only
after the editor ticks the box that says how many will lose their values. axe-core finds
nothing on the result pages. One test, one sign-in: a second TOTP sign-in within the same
30 seconds would reuse the code."""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from test_accessibility import violation_report

from monitoring.importing import ImportFile, import_entities
from monitoring.models import ImportBatch, KeyFigureValue
from portal import roles
from tests.monitoring.test_import_integrity import danish_excel

pytestmark = pytest.mark.django_db(transaction=True)

DATA = Path(__file__).parents[1] / "monitoring" / "data"
COMMA_FILE = (DATA / "key_figures_2024.csv").read_text()
DANISH_EXCEL = danish_excel(COMMA_FILE)


@pytest.fixture
def editor_tab(signed_in_tab, make_user, settings, tmp_path):
    settings.IMPORT_ROOT = tmp_path / "imports"
    batch = import_entities(
        ImportFile.from_path(DATA / "organisations.csv"), ImportFile.from_path(DATA / "estates.csv")
    )
    assert batch.status == ImportBatch.Status.SUCCEEDED, batch.errors
    return signed_in_tab(make_user(roles.EDITOR, mfa=True))


def upload(tab, tmp_path, name, text):
    path = tmp_path / name
    path.write_bytes(text.encode())
    tab.goto("/admin/nogletal/import/")
    tab.get_by_label("Nøgletal", exact=True).check()
    tab.get_by_label("Regnskabsår").fill("2024")
    tab.get_by_label("Nøgletalsfil").set_input_files(str(path))
    tab.get_by_role("button", name="Indlæs", exact=True).click()
    tab.wait_for_url("**/admin/nogletal/import/*/")


def assert_accessible(tab):
    violations = Axe().run(tab).response["violations"]
    assert not violations, violation_report(violations)


def test_editor_sees_a_refusal_imports_danish_excel_and_confirms_a_partial_import(
    editor_tab, tmp_path
):
    upload(editor_tab, tmp_path, "komma.csv", COMMA_FILE.replace("912.40", '"912,40"'))
    status = editor_tab.locator("#import-status")
    assert "Afvist" in status.inner_text()
    assert "linje 3, kolonne rent_per_m2: «912,40» har decimalkomma" in status.inner_text()
    assert "semikolon" in status.inner_text()
    assert_accessible(editor_tab)

    upload(editor_tab, tmp_path, "dansk-excel.csv", DANISH_EXCEL)

    assert "Gennemført" in editor_tab.locator("#import-status").inner_text()
    rent = KeyFigureValue.objects.get(
        figure__code="rent_per_m2", organisation__org_no="0412", estate__estate_no="001"
    )
    assert rent.value == 912.40

    # The same year again without organisation 0413: only with the editor's explicit yes.
    without_0413 = "".join(line for line in COMMA_FILE.splitlines(True) if ",0413," not in line)
    upload(editor_tab, tmp_path, "delvis.csv", without_0413)
    box = editor_tab.get_by_label(
        "Ja, indlæs filen som delvis import: 1 boligorganisation og 1 afdeling mister deres "
        "nøgletal for 2024."
    )
    assert_accessible(editor_tab)

    editor_tab.get_by_role("button", name="Indlæs som delvis import").click()
    assert "Sæt kryds" in editor_tab.locator("#import-status").inner_text()
    assert KeyFigureValue.objects.filter(organisation__org_no="0413").exists()

    box.check()
    editor_tab.get_by_role("button", name="Indlæs som delvis import").click()
    editor_tab.wait_for_url("**/admin/nogletal/import/*/")

    assert (
        "Delvis import: 1 boligorganisation og 1 afdeling"
        in editor_tab.locator("#import-status").inner_text()
    )
    assert not KeyFigureValue.objects.filter(organisation__org_no="0413").exists()
