"""Moderation and reading in "download my data" and "delete my account"."""

import pytest

from network import moderation, reporting
from network.models import ModerationAction, Report, ThreadVisit
from portal.accounts import personal_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(world, as_user):
    g = world["open"]
    as_user(g["member"]).get(g["thread"].get_absolute_url())
    reporting.report(g["member"], g["reply"], reason="spam", details="Reklame for ure")
    moderation.ban(g["moderator"], g["group"].memberships.get(user=g["removed"]), "Chikane")
    return g


def test_the_download_holds_reports_reading_and_moderation(history):
    data = personal_data.export(history["member"])

    assert data["netvaerk_anmeldelser"][0]["uddybning"] == "Reklame for ure"
    assert data["netvaerk_laeste_traade"][0]["tråd"] == history["thread"].pk
    moderator_data = personal_data.export(history["moderator"])["netvaerk_moderation"]
    assert moderator_data[0]["udført_af_dig"] is True
    banned_data = personal_data.export(history["removed"])["netvaerk_moderation"]
    assert banned_data[0]["begrundelse"] == "Chikane"


def test_deleting_an_account_keeps_reports_anonymously_and_forgets_reading(history):
    personal_data.erase(history["member"])

    report = Report.objects.get()
    assert report.reporter is None and report.details == "Reklame for ure"
    assert not ThreadVisit.objects.exists()


def test_the_log_keeps_a_deleted_moderator_but_forgets_reasons_about_a_deleted_person(history):
    personal_data.erase(history["removed"])
    personal_data.erase(history["moderator"])

    action = ModerationAction.objects.get()
    assert action.actor_id == history["moderator"].pk and action.reason == ""
    assert str(action.actor) == "Slettet bruger"
