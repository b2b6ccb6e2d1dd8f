"""Immediate e-mail: one per notification, sent by a task that decides when it runs whether the
recipient still should get it."""

import pytest
from django.core import mail
from django.utils import timezone

from network import following
from network.choices import MembershipStatus
from network.emails import send_notification_email
from network.models import EmailOptOut, Membership, Notification
from portal import roles
from portal.models.users import NotificationFrequency
from tests.network.notification_helpers import post_reply, post_thread

pytestmark = pytest.mark.django_db
BASE_URL = "https://tilsyn.example.dk"


@pytest.fixture(autouse=True)
def base_url(settings):
    settings.WAGTAILADMIN_BASE_URL = BASE_URL


@pytest.fixture
def closed(world):
    """The closed group's member started a thread; its moderator wants e-mail at once."""
    people = world["closed"]
    people["moderator"].notification_frequency = NotificationFrequency.IMMEDIATELY
    people["moderator"].save()
    people["member"].notification_frequency = NotificationFrequency.IMMEDIATELY
    people["member"].save()
    people["started"] = post_thread(people["member"], people["group"], title="Om vedligehold")
    following.follow(people["moderator"], people["started"])
    return people


def reply_later(people, django_capture_on_commit_callbacks, body="Et svar"):
    """Post a reply whose e-mail tasks are queued but not yet run: returns the callbacks."""
    with django_capture_on_commit_callbacks() as callbacks:
        post_reply(people["member"], people["started"], body=body)
    return callbacks


def run(callbacks):
    for callback in callbacks:
        callback()


def test_a_follower_who_wants_email_at_once_gets_one(closed, django_capture_on_commit_callbacks):
    run(reply_later(closed, django_capture_on_commit_callbacks))

    assert [m.to for m in mail.outbox] == [[closed["moderator"].email]]
    message = mail.outbox[0]
    notification = Notification.objects.get(recipient=closed["moderator"])
    assert message.subject == "Nyt svar i »Om vedligehold«"
    assert f"{BASE_URL}/netvaerk/notifikationer/{notification.pk}/" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith(f"<{BASE_URL}/netvaerk/afmeld/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/netvaerk/afmeld/" in message.body
    assert notification.emailed_at is not None


def test_the_author_and_digest_readers_get_no_immediate_email(
    closed, django_capture_on_commit_callbacks
):
    closed["moderator"].notification_frequency = NotificationFrequency.DAILY
    closed["moderator"].save()

    run(reply_later(closed, django_capture_on_commit_callbacks))

    assert mail.outbox == []
    assert Notification.objects.get(recipient=closed["moderator"]).emailed_at is None


@pytest.mark.parametrize(
    "status", [MembershipStatus.REMOVED, MembershipStatus.BANNED, MembershipStatus.REQUESTED]
)
def test_someone_removed_between_queue_and_run_gets_nothing(
    closed, django_capture_on_commit_callbacks, status
):
    callbacks = reply_later(closed, django_capture_on_commit_callbacks)
    Membership.objects.filter(user=closed["moderator"], group=closed["group"]).update(status=status)

    run(callbacks)

    assert mail.outbox == []


def change_before_run(closed, django_capture_on_commit_callbacks, change):
    callbacks = reply_later(closed, django_capture_on_commit_callbacks)
    change(closed)
    run(callbacks)
    return mail.outbox


def test_a_reply_deleted_before_the_run_is_not_sent(closed, django_capture_on_commit_callbacks):
    def delete(people):
        people["started"].replies.update(deleted_at=timezone.now())

    assert change_before_run(closed, django_capture_on_commit_callbacks, delete) == []


def test_unfollowing_before_the_run_stops_it(closed, django_capture_on_commit_callbacks):
    def unfollow(people):
        following.unfollow(people["moderator"], people["started"])

    assert change_before_run(closed, django_capture_on_commit_callbacks, unfollow) == []


def test_a_changed_preference_or_opt_out_before_the_run_stops_it(
    closed, django_capture_on_commit_callbacks
):
    def weekly(people):
        people["moderator"].notification_frequency = NotificationFrequency.WEEKLY
        people["moderator"].save()

    def opt_out(people):
        people["moderator"].notification_frequency = NotificationFrequency.IMMEDIATELY
        people["moderator"].save()
        EmailOptOut.objects.create(user=people["moderator"])

    assert change_before_run(closed, django_capture_on_commit_callbacks, weekly) == []
    assert change_before_run(closed, django_capture_on_commit_callbacks, opt_out) == []


def test_read_in_the_portal_before_the_run_is_not_sent(closed, django_capture_on_commit_callbacks):
    def read(people):
        Notification.objects.update(read_at=timezone.now())

    assert change_before_run(closed, django_capture_on_commit_callbacks, read) == []


def test_an_unverified_address_gets_nothing(closed, django_capture_on_commit_callbacks):
    def unverify(people):
        people["moderator"].emailaddress_set.update(verified=False)

    assert change_before_run(closed, django_capture_on_commit_callbacks, unverify) == []


def test_a_task_run_twice_sends_once(closed, django_capture_on_commit_callbacks):
    run(reply_later(closed, django_capture_on_commit_callbacks))
    notification = Notification.objects.get(recipient=closed["moderator"])

    assert send_notification_email.call(notification.pk) is False
    assert len(mail.outbox) == 1


def test_a_mention_and_a_new_thread_have_their_own_subjects(
    world, make_user, django_capture_on_commit_callbacks
):
    from tests.network.conftest import add_member

    people = world["open"]
    mette = make_user(roles.MEMBER, email="mette.holm@kk.dk", notification_frequency="immediately")
    add_member(people["group"], mette)
    follower = make_user(roles.MEMBER, notification_frequency="immediately")
    following.follow(follower, people["group"])

    with django_capture_on_commit_callbacks(execute=True):
        post_thread(people["member"], people["group"], title="Nyt emne", body="Hej @mette.holm")

    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects == {
        mette.email: "Du er nævnt i »Nyt emne«",
        follower.email: "Ny tråd i Netværk open: »Nyt emne«",
    }
