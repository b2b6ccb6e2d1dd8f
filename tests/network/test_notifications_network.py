"""Who is notified of a new thread or reply, and the notification centre: listing, marking
read, the unread count in the header, and a fixed number of queries as notifications grow."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network import access, following, moderation
from network.models import Group, Membership, Notification, NotificationKind
from portal.models import User
from tests.network.conftest import RELATIONS
from tests.network.notification_helpers import post_reply, post_thread

pytestmark = pytest.mark.django_db

CENTRE = "/netvaerk/notifikationer/"


def recipients(**filters):
    return set(Notification.objects.filter(**filters).values_list("recipient", flat=True))


def test_group_followers_hear_of_a_new_thread_but_not_its_author(world):
    people = world["open"]
    following.follow(people["moderator"], people["group"])
    following.follow(people["member"], people["group"])

    thread = post_thread(people["member"], people["group"])

    assert recipients(thread=thread, kind=NotificationKind.NEW_THREAD) == {people["moderator"].pk}


def test_thread_followers_hear_of_replies_but_not_the_one_who_replied(world):
    people = world["closed"]
    thread = post_thread(people["member"], people["group"])
    first = post_reply(people["moderator"], thread)
    second = post_reply(people["member"], thread)

    assert recipients(reply=first) == {people["member"].pk}
    assert recipients(reply=second) == {people["moderator"].pk}
    assert Notification.objects.get(reply=second).kind == NotificationKind.REPLY


def test_following_a_group_is_not_following_its_threads(world):
    people = world["open"]
    following.follow(people["moderator"], people["group"])
    thread = post_thread(people["member"], people["group"])
    Notification.objects.all().delete()

    post_reply(people["member"], thread)

    assert not Notification.objects.exists()


@pytest.mark.parametrize("kind", ["closed", "secret"])
def test_only_those_who_may_read_the_group_now_are_notified(world, kind):
    people = world[kind]
    followers = [world["outsider"], *(people[r] for r in RELATIONS if r != "member")]
    for user in followers:
        following.follow(user, people["group"])

    post_thread(people["member"], people["group"])

    assert recipients() == {people["moderator"].pk}


def test_in_an_open_group_every_follower_but_the_banned_is_notified(world):
    people = world["open"]
    followers = [world["outsider"], *(people[r] for r in RELATIONS if r != "member")]
    for user in followers:
        following.follow(user, people["group"])

    post_thread(people["member"], people["group"])

    expected = {u.pk for u in followers if u != people["banned"]}
    assert recipients() == expected


def test_group_readers_answers_as_readable_groups_does(world):
    users = User.objects.all()
    for kind in ("open", "closed", "secret"):
        group = world[kind]["group"]
        readers = set(access.group_readers(group, users))
        for user in users:
            readable = access.readable_groups(user, Group.objects.all()).filter(pk=group.pk)
            assert (user in readers) == readable.exists(), (kind, user)


@pytest.fixture
def notified(world):
    """The open group's moderator follows a thread with three replies by the member."""
    people = world["open"]
    thread = post_thread(people["moderator"], people["group"], title="Om huslejen")
    replies = [post_reply(people["member"], thread, body=f"Svar {n}") for n in range(3)]
    return people["moderator"], thread, replies


def test_the_centre_lists_notifications_newest_first(notified, as_user):
    moderator, thread, replies = notified
    page = as_user(moderator).get(CENTRE).content.decode()

    links = [f"/netvaerk/notifikationer/{n.pk}/" for n in Notification.objects.order_by("-pk")]
    positions = [page.index(link) for link in links]
    assert positions == sorted(positions) and len(links) == 3
    assert "svarede i »Om huslejen«" in page
    assert "Notifikationer (3 ulæste)" in page


def test_opening_a_notification_marks_it_read_and_leads_to_the_reply(notified, as_user):
    moderator, thread, replies = notified
    notification = Notification.objects.get(reply=replies[1])
    client = as_user(moderator)

    response = client.get(f"/netvaerk/notifikationer/{notification.pk}/")

    assert response.status_code == 302
    assert response["Location"] == f"{thread.get_absolute_url()}?side=1#svar-{replies[1].pk}"
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert "Notifikationer (2 ulæste)" in client.get(CENTRE).content.decode()


def test_marking_one_and_all_read(notified, as_user):
    moderator, thread, replies = notified
    client = as_user(moderator)
    one = Notification.objects.get(reply=replies[0])

    client.post(f"/netvaerk/notifikationer/{one.pk}/laest/")
    assert set(Notification.objects.filter(read_at=None).values_list("pk", flat=True)) == {
        n.pk for n in Notification.objects.exclude(pk=one.pk)
    }

    response = client.post("/netvaerk/notifikationer/laest/")
    assert response.status_code == 302
    assert not Notification.objects.filter(read_at=None).exists()
    page = client.get(CENTRE).content.decode()
    assert "ulæst" not in page


def test_someone_elses_notification_is_not_found(notified, world, as_user):
    notification = Notification.objects.first()
    client = as_user(world["open"]["member"])

    assert client.get(f"/netvaerk/notifikationer/{notification.pk}/").status_code == 404
    assert client.post(f"/netvaerk/notifikationer/{notification.pk}/laest/").status_code == 404
    client.post("/netvaerk/notifikationer/laest/")
    assert Notification.objects.filter(read_at=None).count() == 3


def test_notifications_from_a_group_one_can_no_longer_read_are_hidden(world, as_user):
    people = world["secret"]
    thread = post_thread(people["member"], people["group"], title="Fortroligt emne")
    post_reply(people["moderator"], thread)
    client = as_user(people["member"])
    assert "Fortroligt emne" in client.get(CENTRE).content.decode()

    moderation.remove(
        people["moderator"], Membership.objects.get(user=people["member"], group=people["group"])
    )

    page = client.get(CENTRE).content.decode()
    assert "Fortroligt emne" not in page
    assert "ulæst" not in page
    notification = Notification.objects.get(recipient=people["member"])
    assert client.get(f"/netvaerk/notifikationer/{notification.pk}/").status_code == 404


def test_a_deleted_reply_is_no_longer_listed(notified, as_user):
    moderator, thread, replies = notified
    replies[0].deleted_at = replies[0].created
    replies[0].save(update_fields=["deleted_at"])

    page = as_user(moderator).get(CENTRE).content.decode()

    assert "Notifikationer (2 ulæste)" in page


def centre_queries(client, url=CENTRE):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_the_centre_costs_the_same_with_many_more_notifications(
    notified, as_user, django_assert_max_num_queries
):
    moderator, thread, replies = notified
    client = as_user(moderator)
    for _ in range(3):
        client.get(CENTRE)
    few = centre_queries(client)

    for n in range(60):
        post_reply(replies[0].author, thread, body=f"Flere svar {n}")
    client.get(CENTRE)  # the header's count, forgotten by the new notifications, is taken again

    with django_assert_max_num_queries(few):
        client.get(CENTRE)
    # A page's rows are read and its list rendered once (its notifications loaded), then both
    # are kept while they are the same.
    assert centre_queries(client, f"{CENTRE}?side=3") == few + 2
    assert centre_queries(client, f"{CENTRE}?side=3") == few
    assert few <= 15


def notification_queries(client):
    with CaptureQueriesContext(connection) as captured:
        client.get("/netvaerk/")
    return [q for q in captured.captured_queries if "network_notification" in q["sql"]]


def test_the_header_count_is_one_query_then_cached(notified, as_user):
    moderator, thread, replies = notified
    client = as_user(moderator)
    assert len(notification_queries(client)) == 1
    assert notification_queries(client) == []
