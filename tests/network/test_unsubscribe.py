"""The unsubscribe link in every e-mail: GET asks, POST (with or without a session, as RFC 8058's
one-click) unsubscribes; forged, tampered or expired links change nothing."""

import time
from urllib.parse import urlsplit

import pytest
from django.core import mail, signing
from django.test import Client

from network import following, unsubscribe
from network.models import EmailOptOut, Follow
from network.unsubscribe import Scope
from portal.accounts import personal_data
from portal.models.users import NotificationFrequency
from tests.network.notification_helpers import post_reply, post_thread

pytestmark = pytest.mark.django_db

INVALID = "Linket til framelding er ugyldigt eller udløbet, så intet er ændret."


@pytest.fixture
def emailed(world, django_capture_on_commit_callbacks):
    """The open group's moderator got an immediate e-mail about a reply in a thread they follow."""
    people = world["open"]
    people["moderator"].notification_frequency = NotificationFrequency.IMMEDIATELY
    people["moderator"].save()
    thread = post_thread(people["moderator"], people["group"], title="Om henlæggelser")
    with django_capture_on_commit_callbacks(execute=True):
        post_reply(people["member"], thread)
    [message] = mail.outbox
    return people["moderator"], thread, message


def path_of(url):
    return urlsplit(url).path


def header_path(message):
    return path_of(message.extra_headers["List-Unsubscribe"].strip("<>"))


def test_get_asks_and_post_unsubscribes_from_the_thread(emailed):
    moderator, thread, message = emailed
    client = Client()

    page = client.get(header_path(message))
    assert page.status_code == 200
    assert "Vil du holde op med at følge tråden »Om henlæggelser«?" in page.content.decode()
    assert Follow.objects.filter(user=moderator, thread=thread).exists()

    done = client.post(header_path(message))
    assert done.status_code == 200
    assert "Du følger ikke længere tråden »Om henlæggelser«." in done.content.decode()
    assert not Follow.objects.filter(user=moderator, thread=thread).exists()


def test_one_click_post_needs_no_session_or_csrf_token(emailed):
    moderator, thread, message = emailed
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        header_path(message),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert not Follow.objects.filter(user=moderator, thread=thread).exists()


def test_the_link_for_all_email_opts_out_and_the_centre_opts_back_in(emailed, world, as_user):
    moderator, thread, message = emailed
    all_link = next(
        line.split(": ", 1)[1]
        for line in message.body.splitlines()
        if line.startswith("Frameld al e-mail fra netværkene:")
    )
    Client().post(path_of(all_link))
    assert EmailOptOut.objects.filter(user=moderator).exists()

    post_reply(world["open"]["member"], thread)  # after the opt-out: no e-mail
    assert len(mail.outbox) == 1

    client = as_user(moderator)
    assert moderator.network_notifications.exists()  # read with the page's notifications
    opted_out = "Du har frameldt al e-mail fra netværkene"
    assert opted_out in client.get("/netvaerk/notifikationer/").content.decode()
    client.post("/netvaerk/notifikationer/email/")
    assert not EmailOptOut.objects.exists()
    assert opted_out not in client.get("/netvaerk/notifikationer/").content.decode()


def test_a_group_link_unfollows_the_group(world, make_user):
    people = world["closed"]
    following.follow(people["member"], people["group"])
    url = unsubscribe.link(people["member"], Scope.GROUP, people["group"])

    Client().post(path_of(url))

    assert not Follow.objects.filter(user=people["member"], group=people["group"]).exists()


def tampered(token):
    payload, rest = token.split(":", 1)
    other = signing.b64_encode(b'{"u":1,"s":"all","t":null}').decode()
    return f"{other}:{rest}" if other != payload else f"x{token}"


@pytest.mark.parametrize(
    "make_token",
    [
        lambda token, user: tampered(token),
        lambda token, user: signing.dumps({"u": user.pk, "s": "all", "t": None}, salt="other"),
        lambda token, user: signing.dumps({"u": user.pk, "s": "everything"}, salt=unsubscribe.SALT),
        lambda token, user: "ikke-et-token",
    ],
    ids=["tampered", "other-salt", "unknown-scope", "garbage"],
)
def test_forged_links_change_nothing(emailed, make_token):
    moderator, thread, message = emailed
    token = header_path(message).rstrip("/").rsplit("/", 1)[1]
    url = f"/netvaerk/afmeld/{make_token(token, moderator)}/"
    client = Client()

    for response in (client.get(url), client.post(url)):
        assert response.status_code == 400
        assert INVALID in response.content.decode()
    assert Follow.objects.filter(user=moderator, thread=thread).exists()
    assert not EmailOptOut.objects.exists()


def test_an_expired_link_changes_nothing(world, monkeypatch):
    user = world["open"]["member"]
    long_ago = time.time() - unsubscribe.MAX_AGE.total_seconds() - 60
    monkeypatch.setattr(time, "time", lambda: long_ago)
    url = unsubscribe.link(user, Scope.ALL)
    monkeypatch.undo()

    response = Client().post(path_of(url))

    assert response.status_code == 400
    assert not EmailOptOut.objects.exists()


def test_the_data_download_and_erasure_cover_follows_and_notifications(emailed):
    moderator, thread, message = emailed

    data = personal_data.export(moderator)["netvaerk_notifikationer"]
    assert data["følger"][0]["tråd"] == "Om henlæggelser"
    assert data["notifikationer"][0]["tråd"] == "Om henlæggelser"
    assert data["notifikationer"][0]["sendt_som_e-mail"] is not None

    personal_data.erase(moderator)
    assert not moderator.network_follows.exists()
    assert not moderator.network_notifications.exists()
