"""A person's conference registrations in their data download (status, waiting-list position,
answers) and gone, answers and all, when they delete their account."""

import pytest
from accounts_fixtures import downloaded_data

from events import registration
from guidance.models import EventRegistration
from portal import roles

pytestmark = pytest.mark.django_db


def test_the_download_holds_the_waiting_position_and_the_answers(
    client, login, make_event, make_user
):
    conference = make_event(capacity=1)
    registration.register(make_user(roles.MEMBER), conference, email=False)
    me = make_user(roles.MEMBER)
    answers = [{"question": "Deltager du fysisk eller online?", "answer": "Online"}]
    registration.register(me, conference, answers=answers, email=False)
    login(client, me)

    (entry,) = downloaded_data(client.get("/konto/profil/mine-data/"))["arrangementer"]

    assert (entry["arrangement"], entry["status"], entry["nummer_paa_venteliste"]) == (
        "Tilsynskonferencen 2027",
        "På venteliste",
        1,
    )
    assert entry["svar"] == [{"spørgsmål": "Deltager du fysisk eller online?", "svar": "Online"}]


def test_deleting_the_account_erases_registrations_with_their_answers(
    client, login, make_event, make_user
):
    me = make_user(roles.MEMBER)
    registration.register(
        me, make_event(capacity=3), answers=[{"question": "Kost", "answer": "Halal"}], email=False
    )
    login(client, me)

    client.post("/konto/profil/slet/", {"password": me.raw_password})

    me.refresh_from_db()
    assert me.deleted_at is not None
    assert not EventRegistration.objects.exists()
