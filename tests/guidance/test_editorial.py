"""Editors in the Wagtail admin: page tree rules, the two-step workflow, scheduled publishing and
the report of guidance due for review."""

import csv
import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import WorkflowState
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from guidance.models import (
    EventIndexPage,
    EventPage,
    GuidanceIndexPage,
    GuidancePage,
    NewsIndexPage,
    NewsPage,
    PublicationIndexPage,
    PublicationPage,
)
from portal import roles
from portal.models import HomePage

pytestmark = [pytest.mark.django_db, pytest.mark.page_tree_once("guidance_index")]


class TestPageTree(WagtailPageTestCase):
    def test_sections_live_under_the_home_page(self):
        for index in (GuidanceIndexPage, NewsIndexPage, PublicationIndexPage, EventIndexPage):
            self.assertAllowedParentPageTypes(index, {HomePage})

    def test_content_lives_in_its_section_only(self):
        self.assertAllowedParentPageTypes(GuidancePage, {GuidanceIndexPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedParentPageTypes(PublicationPage, {PublicationIndexPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        for leaf in (GuidancePage, NewsPage, PublicationPage, EventPage):
            self.assertAllowedSubpageTypes(leaf, set())


@pytest.fixture
def approver(make_user):
    return make_user(roles.APPROVER, mfa=True)


def guidance_form(title, **overrides):
    return nested_form_data(
        {
            "title": title,
            "slug": overrides.pop("slug", "ny-vejledning"),
            "summary": "Kort om vejledningen.",
            "body": streamfield([("paragraph", rich_text("<p>Sådan gør tilsynet.</p>"))]),
            "last_reviewed": "2026-11-01",
            "content_owner": "Center for Bolig",
            **overrides,
        }
    )


def create_url(parent):
    return f"/admin/pages/add/guidance/guidancepage/{parent.pk}/"


def test_editor_submits_and_approver_publishes(client, login, editor, approver, guidance_index):
    login(client, editor)

    response = client.post(
        create_url(guidance_index), {**guidance_form("Ny vejledning"), "action-submit": "1"}
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    page = GuidancePage.objects.get(slug="ny-vejledning")
    assert not page.live
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.workflow.name == "Redaktionel godkendelse"

    client.logout()
    login(client, approver)
    task_state = state.current_task_state
    response = client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""}
    )

    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live


def test_editor_cannot_publish_directly(client, login, editor, guidance_index):
    login(client, editor)

    client.post(create_url(guidance_index), {**guidance_form("Forsøg"), "action-publish": "1"})

    page = GuidancePage.objects.get(slug="ny-vejledning")
    assert not page.live


def test_guidance_page_requires_review_date_and_owner(client, login, approver, guidance_index):
    login(client, approver)

    response = client.post(
        create_url(guidance_index),
        {**guidance_form("Uden ansvar", last_reviewed="", content_owner=""), "action-publish": "1"},
    )

    assert response.status_code == 200
    assert not GuidancePage.objects.filter(slug="ny-vejledning").exists()


def test_members_and_caseworkers_get_no_page_editing(client, login, member, caseworker_kk, home):
    for user in (member, caseworker_kk):
        login(client, user)
        response = client.get(f"/admin/pages/{home.pk}/edit/")
        assert response.status_code == 302 and response["Location"].startswith("/konto/login/")
        client.logout()


def test_scheduled_page_goes_live_when_its_time_comes(approver, make_guidance_page, monkeypatch):
    page = make_guidance_page("Kommer senere", live=False)
    go_live_at = timezone.now() + datetime.timedelta(hours=1)
    page.go_live_at = go_live_at
    page.save_revision(user=approver).publish()
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert not page.live

    # An hour later by the clock Django and Wagtail read, without waiting for it.
    later = go_live_at + datetime.timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    call_command("publish_scheduled", verbosity=0)

    page.refresh_from_db()
    assert page.live


REPORT = "/admin/vejledning-til-gennemgang/"


def test_review_report_lists_guidance_reviewed_over_a_year_ago(
    client, login, editor, make_guidance_page
):
    today = timezone.localdate()
    make_guidance_page("Gammel vejledning", last_reviewed=today - datetime.timedelta(days=400))
    make_guidance_page("Frisk vejledning", last_reviewed=today - datetime.timedelta(days=30))
    login(client, editor)

    content = client.get(REPORT).content.decode()

    assert "Gammel vejledning" in content
    assert "Frisk vejledning" not in content


def test_review_report_exports_csv(client, login, editor, make_guidance_page):
    make_guidance_page("Gammel vejledning", last_reviewed=datetime.date(2020, 1, 1))
    login(client, editor)

    response = client.get(REPORT, {"export": "csv"})

    body = b"".join(response.streaming_content).decode()
    assert "Senest gennemgået" in body.splitlines()[0]
    assert "Gammel vejledning" in body and "2020-01-01" in body


def test_review_report_export_keeps_a_formula_in_a_title_as_text(
    client, login, editor, make_guidance_page
):
    make_guidance_page("@SUM(1+9)*cmd|' /C calc'!A0", last_reviewed=datetime.date(2020, 1, 1))
    make_guidance_page("-2+3", last_reviewed=datetime.date(2020, 1, 2))
    login(client, editor)

    response = client.get(REPORT, {"export": "csv"})

    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row[0] for row in rows[1:]] == ["'@SUM(1+9)*cmd|' /C calc'!A0", "'-2+3"]


def test_review_report_is_for_editors_only(client, login, caseworker_kk, make_user):
    login(client, caseworker_kk)

    response = client.get(REPORT)

    assert response.status_code == 302
