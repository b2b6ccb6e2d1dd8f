"""What the network holds about a person: in their data download, and after they delete their
account (posts stay, shown as "Slettet bruger"; memberships and meeting seats go)."""

import json

import pytest
from accounts_fixtures import downloaded_data

from events import registration
from network import posting
from network.models import MeetingRegistration, Membership, Reply, Thread
from portal import roles
from tests.network.conftest import add_member
from tests.network.meeting_factory import make_meeting

pytestmark = pytest.mark.django_db

DATA_URL = "/konto/profil/mine-data/"
DELETE_URL = "/konto/profil/slet/"


@pytest.fixture
def writer(world):
    """The closed group's member: wrote its thread, edited it once, registered for a meeting."""
    group = world["closed"]["group"]
    me = world["closed"]["member"]
    thread = world["closed"]["thread"]
    posting.edit(me, thread, title="Ny overskrift", body="Min rettede tekst")
    Reply.objects.create(thread=thread, author=me, body_markdown="Mit eget svar")
    registration.register(me, make_meeting(group, title="Temadag om byggeri", capacity=1))
    return me


def test_download_holds_my_network_data_and_not_others(client, login, world, writer):
    login(client, writer)

    data = downloaded_data(client.get(DATA_URL))["netvaerk"]

    assert [(m["netværk"], m["status"]) for m in data["medlemskaber"]] == [
        ("Netværk closed", "Aktiv")
    ]
    assert [(t["overskrift"], t["tekst"]) for t in data["tråde"]] == [
        ("Ny overskrift", "Min rettede tekst")
    ]
    assert [r["tekst"] for r in data["svar"]] == ["Mit eget svar"]
    assert [
        (r["tidligere_overskrift"], r["tidligere_tekst"]) for r in data["tidligere_versioner"]
    ] == [("Hemmelig overskrift closed", "Indhold i closed")]
    assert [(r["møde"], r["status"]) for r in data["mødetilmeldinger"]] == [
        ("Temadag om byggeri", "Tilmeldt")
    ]
    text = json.dumps(data, ensure_ascii=False)
    assert "Svar i closed" not in text, "the moderator's reply in my thread is not mine"
    assert "Indhold i open" not in text


def test_deleting_the_account_keeps_posts_as_slettet_bruger(client, login, world, writer, as_user):
    thread = world["closed"]["thread"]
    login(client, writer)

    client.post(DELETE_URL, {"password": writer.raw_password})

    thread.refresh_from_db()
    assert thread.body_markdown == "Min rettede tekst", "the conversation stays readable"
    assert str(thread.author) == "Slettet bruger"
    assert Reply.objects.filter(body_markdown="Mit eget svar").exists()
    assert not Membership.objects.filter(user=writer).exists()
    assert not MeetingRegistration.objects.filter(user=writer).exists()
    page = as_user(world["closed"]["moderator"]).get(thread.get_absolute_url()).content.decode()
    assert "Slettet bruger" in page and writer.first_name not in page


def test_deleting_the_account_gives_the_seat_to_the_waiting_list(client, login, world, writer):
    group = world["closed"]["group"]
    meeting = MeetingRegistration.objects.get(user=writer).event
    waiting = world["closed"]["moderator"]
    queued = registration.register(waiting, meeting)
    assert queued.is_waiting
    login(client, writer)

    client.post(DELETE_URL, {"password": writer.raw_password})

    queued.refresh_from_db()
    assert queued.is_confirmed
    assert Thread.objects.filter(group=group).exists()


def test_a_past_meeting_registration_is_forgotten_without_cancelling(
    client, login, world, make_user
):
    me = make_user(roles.MEMBER)
    group = world["open"]["group"]
    add_member(group, me)
    meeting = make_meeting(group, capacity=3)
    registration.register(me, meeting)
    meeting.start = meeting.start.replace(year=meeting.start.year - 1)
    meeting.end = meeting.end.replace(year=meeting.end.year - 1)
    meeting.save()
    login(client, me)

    response = client.post(DELETE_URL, {"password": me.raw_password})

    assert response.status_code == 302
    assert not meeting.registrations.exists()
