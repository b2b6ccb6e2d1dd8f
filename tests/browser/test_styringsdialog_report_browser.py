"""The styringsdialog report's print view in Chromium: no axe-core violation at desktop and
phone width, nothing wider than the screen, and printed to A4 with only the report."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from monitoring_site import (  # noqa: F401
    monitoring_site,
    put_back,
    shared_monitoring_data,
    shared_signed_in_tab,
)
from screenshots import keep_screenshot
from test_accessibility import violation_report

from monitoring.models import StyrelseNote

pytestmark = pytest.mark.django_db(transaction=True)

REPORT = "/monitorering/organisation/0042/rapport/?aar=2024"


@pytest.mark.parametrize("width", [1280, 375])
def test_the_print_view_reads_on_screen_and_paper(signed_in_tab, monitoring_data, width, tmp_path):
    StyrelseNote.objects.create(
        organisation=monitoring_data["kk"],
        title="Fusion under forberedelse",
        body="Organisationen forbereder en fusion med en nabo.",
        respond_by=datetime.date(2030, 3, 1),
    )
    tab = signed_in_tab("caseworker")
    tab.set_viewport_size({"width": width, "height": 900})

    tab.goto(REPORT)
    keep_screenshot(tab, f"styringsdialog-report-report-{width}")
    violations = Axe().run(tab).response["violations"]
    screen_width = tab.evaluate("document.documentElement.scrollWidth")
    tab.emulate_media(media="print")
    tab.pdf(path=tmp_path / "report.pdf", format="A4")
    printed = tab.locator("main").inner_text()

    assert not violations, violation_report(violations)
    assert screen_width <= width
    assert "Spørg organisationen, hvorfor boligerne står tomme" in printed
    assert "Fusion under forberedelse" in printed
    assert not tab.locator("header.header").is_visible()
    assert not tab.get_by_role("link", name="Hent rapporten som Excel").is_visible()
