"""The notification centre's list is a cached fragment: each reader gets their own, it follows
what they may see and what the posts say, and it costs the same queries however many there
are."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from network import following, notifications
from network.choices import MembershipStatus
from network.models import Notification
from tests.network.notification_helpers import post_thread

CENTRE = "/netvaerk/notifikationer/"


def centre(user, page=None):
    client = Client()
    client.force_login(user)
    response = client.get(CENTRE, {"side": page} if page else {})
    assert response.status_code == 200
    return response.content.decode()


def mark_read_links(user, html):
    """Which of all notifications the page offers to open or mark read, as ids."""
    return {
        n.pk
        for n in Notification.objects.all()
        if reverse("network:open_notification", args=[n.pk]) in html
        or reverse("network:mark_read", args=[n.pk]) in html
    }


def test_readers_of_the_same_thread_never_get_each_others_list(world):
    people = world["open"]
    reader, other = people["member"], people["invited"]
    for user in (reader, other):
        following.follow(user, people["group"])
    post_thread(people["moderator"], people["group"], title="Fælles tråd")
    own = {
        user: set(user.network_notifications.values_list("pk", flat=True))
        for user in (reader, other)
    }
    assert all(len(ids) == 1 for ids in own.values())

    for user in (reader, other, reader, other):
        html = centre(user)
        assert "Fælles tråd" in html
        assert mark_read_links(user, html) == own[user]


def test_a_private_groups_notifications_leave_the_list_with_the_membership(world):
    people = world["closed"]
    reader = people["member"]
    following.follow(reader, people["group"])
    post_thread(people["moderator"], people["group"], title="Kun for medlemmer")
    assert "Kun for medlemmer" in centre(reader)

    membership = reader.network_memberships.get(group=people["group"])
    membership.status = MembershipStatus.REMOVED
    membership.save()
    html = centre(reader)
    assert "Kun for medlemmer" not in html
    assert mark_read_links(reader, html) == set()
    assert "Du har ingen notifikationer." in html


def test_the_list_follows_titles_authors_and_reading(world):
    people = world["open"]
    reader, author = people["member"], people["moderator"]
    following.follow(reader, people["group"])
    thread = post_thread(author, people["group"], title="Første titel")
    assert "Ulæst" in centre(reader)

    thread.title = "Ny titel"
    thread.save()
    author.first_name = "Omdøbt"
    author.save()
    html = centre(reader)
    assert "Ny titel" in html and "Første titel" not in html
    assert "Omdøbt" in html

    notifications.mark_read(Notification.objects.filter(recipient=reader))
    assert "Ulæst" not in centre(reader)


def test_each_mark_read_button_posts_its_own_notification_with_the_shared_token(world):
    people = world["open"]
    reader = people["member"]
    following.follow(reader, people["group"])
    thread = post_thread(people["moderator"], people["group"])
    notification = reader.network_notifications.get(thread=thread)
    html = centre(reader)
    assert 'id="notification-read-form"' in html
    assert html.count('name="csrfmiddlewaretoken"') == 2  # the log-out form and this one
    assert (
        f'form="notification-read-form" formaction="'
        f'{reverse("network:mark_read", args=[notification.pk])}"'
    ) in html


@pytest.fixture
def many(world):
    people = world["open"]
    reader = people["member"]
    following.follow(reader, people["group"])
    return reader, people


def test_pages_past_either_end_show_the_first_or_last_page(many):
    reader, people = many
    for n in range(27):
        post_thread(people["moderator"], people["group"], title=f"Tråd nummer {n}")
    for past_the_end in ("0", "9"):
        last = centre(reader, past_the_end)
        assert "Side 2 af 2" in last and "Tråd nummer 0" in last
        assert "Tråd nummer 26" not in last
    assert "Tråd nummer 26" in centre(reader, "abc")


def test_the_centre_costs_the_same_queries_with_more_notifications(many):
    reader, people = many
    client = Client()
    client.force_login(reader)

    def queries():
        client.get(CENTRE)  # a new session settles over two requests
        client.get(CENTRE)
        with CaptureQueriesContext(connection) as context:
            assert client.get(CENTRE).status_code == 200
        return len(context)

    post_thread(people["moderator"], people["group"])
    few = queries()
    for _ in range(30):
        post_thread(people["moderator"], people["group"])
    assert queries() == few
