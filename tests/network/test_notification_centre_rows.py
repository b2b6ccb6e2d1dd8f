"""What the notification centre lists is kept per user: a page opened again reads no
notification, and a new notification, reading one, an e-mail opt-out or a change made while the
list was being read shows at once."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from network import following, notifications, unread, unsubscribe
from network.models import Notification
from network.unsubscribe import Scope
from tests.network.notification_helpers import post_thread

CENTRE = "/netvaerk/notifikationer/"
OPTED_OUT = "Du har frameldt al e-mail fra netværkene"


def centre(client):
    response = client.get(CENTRE)
    assert response.status_code == 200
    return response.content.decode()


def test_a_page_opened_again_reads_no_notification(world, as_user):
    people = world["open"]
    following.follow(people["member"], people["group"])
    post_thread(people["moderator"], people["group"], title="Første tråd")
    client = as_user(people["member"])
    assert "Første tråd" in centre(client)

    with CaptureQueriesContext(connection) as context:
        assert "Første tråd" in centre(client)
    read = [q["sql"] for q in context if "network_notification" in q["sql"]]
    assert read == []


def test_a_new_and_a_read_notification_show_at_once(world, as_user):
    people = world["open"]
    following.follow(people["member"], people["group"])
    post_thread(people["moderator"], people["group"], title="Første tråd")
    client = as_user(people["member"])
    assert "Anden tråd" not in centre(client)

    post_thread(people["moderator"], people["group"], title="Anden tråd")
    assert "Anden tråd" in centre(client)

    notifications.mark_read(Notification.objects.filter(recipient=people["member"]))
    assert "Ulæst" not in centre(client)


def test_an_email_opt_out_shows_at_once(world, as_user):
    people = world["open"]
    reader = people["member"]
    following.follow(reader, people["group"])
    post_thread(people["moderator"], people["group"])
    client = as_user(reader)
    assert OPTED_OUT not in centre(client)

    unsubscribe.Unsubscription(reader, Scope.ALL, None).apply()  # the e-mail's link
    assert OPTED_OUT in centre(client)


def test_a_list_read_before_a_change_is_not_kept_after_it(world):
    """A change (here a new notification) made while a request reads the list dates the list
    read before it: the next request reads afresh."""
    reader = world["open"]["member"]

    def read_while_changed(user):
        unread.forget([user.pk])
        return "read before the change"

    assert unread.cached(reader, "listed:1", read_while_changed) == "read before the change"
    assert unread.cached(reader, "listed:1", lambda user: "read after") == "read after"
    assert unread.cached(reader, "listed:1", lambda user: "not asked") == "read after"


def test_each_user_keeps_their_own_list(world):
    member, invited = world["open"]["member"], world["open"]["invited"]
    assert unread.cached(member, "listed:1", lambda user: f"of {user.pk}") == f"of {member.pk}"
    assert unread.cached(invited, "listed:1", lambda user: f"of {user.pk}") == f"of {invited.pk}"
    assert unread.cached(member, "listed:1", lambda user: "not asked") == f"of {member.pk}"
