"""An editor writes a guidance page with blocks and submits it; an approver approves and publishes
it. Every screen of that walk is read as its user sees it in Chromium: no English may show
(issue 15)."""

import re

import pytest

from guidance.models import GuidancePage
from portal import roles

pytestmark = pytest.mark.django_db(transaction=True)

# Words that are English and never Danish: each one seen on a screen is a string Wagtail's Danish
# catalogue lacks (fill it in locale/da/LC_MESSAGES/django.po).
ENGLISH = re.compile(
    r"\b(the|and|your|you|with|page|pages|created|editing|awaiting|review|tasks?|started|"
    r"submitted|moderation|privacy|access|language|guide|exploring|autosave|paused|toggle|"
    r"collapse|more|actions|save|saved|draft|publish|published|insert|block|settings|help|"
    r"reports|snippets|approved|complete|next|step|entries|menus|title|description|whether|"
    r"search|engine|results|current|live|submit|request|changes|comment|preview)\b",
    re.IGNORECASE,
)
TITLE = "Tilsyn med dispositionsfonden"


def assert_danish(tab, screen):
    text = tab.evaluate("document.body.innerText")
    english = sorted({line.strip() for line in text.splitlines() if ENGLISH.search(line)})
    assert not english, f"English on {screen}: {english}"


def editor_ready(tab):
    """Wait until the body's blocks are drawn: a form sent before would lose them."""
    tab.locator("input[name='body-0-value-text']").wait_for()


def open_more_actions(tab):
    tab.get_by_role("button", name="Flere handlinger").click()


def test_writing_approving_and_publishing_a_page_shows_no_english(
    signed_in_tab, make_user, guidance_index
):
    tab = signed_in_tab(make_user(roles.EDITOR, mfa=True))
    tab.set_viewport_size({"width": 1280, "height": 900})
    tab.goto("/admin/")
    assert_danish(tab, "the editor's dashboard")

    tab.goto(f"/admin/pages/add/guidance/guidancepage/{guidance_index.pk}/")
    tab.locator("button.c-sf-add-button").first.wait_for()
    assert_danish(tab, "a new guidance page")
    tab.fill("#id_title", TITLE)
    tab.fill("#id_summary", "Sådan følger kommunen op.")
    tab.fill("#id_last_reviewed", "2026-11-30")
    tab.fill("#id_content_owner", "Tilsynsenheden")
    tab.locator("button.c-sf-add-button").first.click()
    assert_danish(tab, "the block chooser")
    # A heading block: typing into Draftail's rich text does not reach its state in Chromium 156.
    tab.get_by_role("option", name="Overskrift").click()
    tab.locator("input[name='body-0-value-text']").fill("Kommunen følger op på dispositionsfonden")
    tab.get_by_role("tab", name="Promover").click()
    assert_danish(tab, "the Promote tab")
    tab.get_by_role("tab", name="Indhold").click()
    open_more_actions(tab)
    assert_danish(tab, "the editor's actions")
    with tab.expect_navigation():
        tab.locator("button[name=action-submit]").click()
    assert_danish(tab, "the page list after submitting")
    page = GuidancePage.objects.get(title=TITLE)
    assert page.current_workflow_state is not None and not page.live

    tab.context.clear_cookies()
    signed_in_tab(make_user(roles.APPROVER, mfa=True))
    tab.goto("/admin/")
    assert_danish(tab, "the approver's dashboard")
    tab.goto(f"/admin/pages/{page.pk}/edit/")
    editor_ready(tab)
    open_more_actions(tab)
    assert_danish(tab, "the approver's actions")
    with tab.expect_navigation():
        tab.get_by_role("button", name="Godkend og publicér").click()
    assert_danish(tab, "the page list after publishing")
    tab.goto(f"/admin/pages/{page.pk}/history/")
    assert_danish(tab, "the page's history")

    page.refresh_from_db()
    assert page.live
