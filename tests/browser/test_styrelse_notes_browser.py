"""Styrelse writes a note in Chromium and the København caseworker answers it: no axe-core
violation on the form, the note and the pages showing it, at desktop and phone width."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from monitoring_site import (  # noqa: F401
    monitoring_site,
    put_back,
    shared_monitoring_data,
    shared_signed_in_tab,
)
from screenshots import keep_screenshot
from test_accessibility import violation_report

from monitoring.models import NoteStatus, StyrelseNote

pytestmark = pytest.mark.django_db(transaction=True)


def axe_failures(tab, urls, width):
    axe, failures = Axe(), {}
    for name, url in urls.items():
        tab.goto(url)
        assert "/konto/" not in tab.url, f"{name} sent the user to {tab.url}"
        keep_screenshot(tab, f"styrelse-notes-{name}-{width}")
        assert tab.evaluate("document.documentElement.scrollWidth") <= width, name
        violations = axe.run(tab).response["violations"]
        if violations:
            failures[name] = violation_report(violations)
    return "\n".join(f"== {name}\n{report}" for name, report in failures.items())


@pytest.mark.parametrize("width", [1280, 375])
def test_styrelse_writes_and_the_caseworker_answers(signed_in_tab, monitoring_data, width):
    editor_tab = signed_in_tab("editor")
    editor_tab.set_viewport_size({"width": width, "height": 900})
    editor_tab.goto("/monitorering/organisation/0042/afdeling/001/")
    editor_tab.get_by_role("link", name="Skriv notat til tilsynskommunen").click()
    editor_tab.get_by_label("Overskrift").fill("Særlig driftsstøtte")
    editor_tab.get_by_label("Notat", exact=True).fill("Landsbyggefonden giver særlig driftsstøtte.")
    deadline = timezone.localdate() + datetime.timedelta(days=14)
    editor_tab.get_by_label("Svar fra kommunen senest").fill(deadline.isoformat())
    failures = axe_failures(editor_tab, {"note-form": editor_tab.url}, width)
    editor_tab.get_by_label("Overskrift").fill("Særlig driftsstøtte")
    editor_tab.get_by_label("Notat", exact=True).fill("Landsbyggefonden giver særlig driftsstøtte.")
    editor_tab.get_by_label("Svar fra kommunen senest").fill(deadline.isoformat())
    editor_tab.get_by_role("button", name="Gem og send til kommunen").click()
    note = StyrelseNote.objects.get()
    assert note.estate == monitoring_data["estate"] and note.respond_by == deadline
    failures += axe_failures(editor_tab, {"national": "/monitorering/landet/"}, width)
    editor_tab.context.clear_cookies()

    tab = signed_in_tab("caseworker")
    failures += axe_failures(
        tab,
        {
            "dashboard": "/monitorering/",
            "organisation": "/monitorering/organisation/0042/",
            "estate": "/monitorering/organisation/0042/afdeling/001/",
            "note": f"/monitorering/notat/{note.pk}/",
        },
        width,
    )
    tab.get_by_label("Status").select_option(NoteStatus.ANSWERED)
    tab.get_by_label("Svar til styrelsen").fill("Vi drøfter det på mødet i marts.")
    tab.get_by_role("button", name="Gem svar").click()

    assert "Vi drøfter det på mødet i marts." in tab.locator("main").inner_text()
    note.refresh_from_db()
    assert note.status == NoteStatus.ANSWERED
    assert not failures, failures
