"""The header's unread count is cached per user, and is never stale: it follows new
notifications, reading them, and what the reader may see."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from network import following, moderation, notifications
from network.choices import MembershipStatus
from network.models import Notification
from tests.network.notification_helpers import post_thread

CENTRE = "/netvaerk/notifikationer/"


def header_count(client):
    html = client.get(CENTRE).content.decode()
    for count in range(5):
        label = "ulæst" if count == 1 else "ulæste"
        if f"Notifikationer ({count} {label})" in html:
            return count
    return 0


def test_the_count_follows_new_and_read_notifications(world, as_user):
    people = world["open"]
    reader, author = people["member"], people["moderator"]
    following.follow(reader, people["group"])
    client = as_user(reader)
    assert header_count(client) == 0

    post_thread(author, people["group"], title="Første")
    assert header_count(client) == 1
    post_thread(author, people["group"], title="Anden")
    assert header_count(client) == 2

    notifications.mark_read(Notification.objects.filter(recipient=reader, thread__title="Første"))
    assert header_count(client) == 1


def test_a_cached_count_costs_no_query_and_is_each_users_own(world, as_user):
    people = world["open"]
    following.follow(people["member"], people["group"])
    post_thread(people["moderator"], people["group"])
    assert notifications.unread_count(people["member"]) == 1
    assert notifications.unread_count(people["invited"]) == 0
    with CaptureQueriesContext(connection) as context:
        assert notifications.unread_count(people["member"]) == 1
    assert len(context) == 0


def test_the_count_follows_what_the_reader_may_see(world, as_user):
    people = world["closed"]
    reader = people["member"]
    following.follow(reader, people["group"])
    thread = post_thread(people["moderator"], people["group"])
    client = as_user(reader)
    assert header_count(client) == 1

    moderation.hide(people["moderator"], thread)
    assert header_count(client) == 0
    moderation.restore(people["moderator"], thread)
    assert header_count(client) == 1

    membership = reader.network_memberships.get(group=people["group"])
    membership.status = MembershipStatus.REMOVED
    membership.save()
    assert header_count(client) == 0
