"""Daily and weekly digests: one e-mail per person, grouped by group and thread, with only what
they may read when it is sent, and never twice for the same notifications."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from network import following
from network.choices import MembershipStatus
from network.emails import send_digest, send_digests
from network.models import Membership, Notification
from portal import roles
from portal.models.users import NotificationFrequency
from tests.network.conftest import add_member
from tests.network.notification_helpers import post_reply, post_thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(world, make_user):
    """A daily reader, member of the closed and secret groups, following both, who started a
    thread in each that others answered."""
    user = make_user(roles.MEMBER, first_name="Dina", last_name="Dagsen")
    threads = {}
    for kind in ("closed", "secret"):
        people = world[kind]
        add_member(people["group"], user)
        following.follow(user, people["group"])
        threads[kind] = post_thread(user, people["group"], title=f"Spørgsmål i {kind}")
        post_reply(people["member"], threads[kind], body="Første svar")
        post_reply(people["moderator"], threads[kind], body="Andet svar")
        post_thread(people["moderator"], people["group"], title=f"Nyt emne i {kind}")
    user.threads = threads
    return user


def digests_to(user):
    return [m for m in mail.outbox if m.to == [user.email]]


def test_a_daily_digest_groups_by_group_and_thread(reader):
    sent = send_digests.call(NotificationFrequency.DAILY)

    assert sent == len(mail.outbox)
    [message] = digests_to(reader)
    body = message.body
    assert message.subject == "Dagligt overblik fra netværkene"
    assert "Der er 6 nye notifikationer fra netværkene" in body
    order = [
        "Netværk closed",
        "»Spørgsmål i closed«",
        "»Nyt emne i closed«",
        "Netværk secret",
        "»Spørgsmål i secret«",
        "»Nyt emne i secret«",
    ]
    positions = [body.index(text) for text in order]
    assert positions == sorted(positions)
    assert body.count("svarede i »Spørgsmål i closed«") == 2
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"].startswith("<")
    assert not Notification.objects.filter(recipient=reader, emailed_at=None).exists()


def test_a_repeated_run_sends_nothing_twice(reader):
    send_digests.call(NotificationFrequency.DAILY)
    send_digests.call(NotificationFrequency.DAILY)

    assert len(digests_to(reader)) == 1


def test_new_notifications_wait_for_the_next_day(reader, world):
    send_digests.call(NotificationFrequency.DAILY)
    post_reply(world["closed"]["member"], reader.threads["closed"], body="Tredje svar")

    send_digests.call(NotificationFrequency.DAILY)
    assert len(digests_to(reader)) == 1

    Notification.objects.exclude(emailed_at=None).update(
        emailed_at=timezone.now() - datetime.timedelta(hours=23)
    )
    send_digests.call(NotificationFrequency.DAILY)
    assert len(digests_to(reader)) == 2
    assert "Der er 1 ny notifikation fra netværkene" in digests_to(reader)[1].body


def test_weekly_readers_get_the_weekly_digest_only(reader):
    reader.notification_frequency = NotificationFrequency.WEEKLY
    reader.save()

    send_digests.call(NotificationFrequency.DAILY)
    assert digests_to(reader) == []

    send_digests.call(NotificationFrequency.WEEKLY)
    [message] = digests_to(reader)
    assert message.subject == "Ugentligt overblik fra netværkene"


def test_secret_content_never_reaches_someone_removed_from_the_group(reader, world):
    Membership.objects.filter(user=reader, group=world["secret"]["group"]).update(
        status=MembershipStatus.REMOVED
    )

    send_digests.call(NotificationFrequency.DAILY)

    [message] = digests_to(reader)
    assert "secret" not in message.body
    assert "Der er 3 nye notifikationer" in message.body
    # What was left out is not marked as sent: it is simply never shown.
    assert (
        Notification.objects.filter(
            recipient=reader, thread__group=world["secret"]["group"], emailed_at=None
        ).count()
        == 3
    )


def test_only_unreadable_content_means_no_email(reader, world):
    for kind in ("closed", "secret"):
        Membership.objects.filter(user=reader, group=world[kind]["group"]).update(
            status=MembershipStatus.BANNED
        )

    assert send_digest(reader, NotificationFrequency.DAILY, timezone.now()) is False
    assert mail.outbox == []


def test_read_and_unfollowed_notifications_are_left_out(reader, world):
    Notification.objects.filter(thread=reader.threads["closed"]).update(read_at=timezone.now())
    following.unfollow(reader, world["secret"]["group"])

    send_digests.call(NotificationFrequency.DAILY)

    body = digests_to(reader)[0].body
    assert "»Spørgsmål i secret«" in body
    assert "»Spørgsmål i closed«" not in body
    assert "»Nyt emne i secret«" not in body
    assert "Der er 3 nye notifikationer" in body


def test_opted_out_and_never_readers_get_no_digest(reader, world):
    reader.notification_frequency = NotificationFrequency.NEVER
    reader.save()

    send_digests.call(NotificationFrequency.DAILY)
    send_digests.call(NotificationFrequency.WEEKLY)

    assert digests_to(reader) == []


def test_the_command_queues_the_digest(reader):
    call_command("send_network_digests", "--frequency", "daily", verbosity=0)

    assert len(digests_to(reader)) == 1
