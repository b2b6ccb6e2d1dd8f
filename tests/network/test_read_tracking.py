"""Read tracking: how far a member read each thread, the unread markers and counts it gives, and
where a thread opens for a member who comes back to it."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.choices import GroupKind
from network.models import Group, Reply, Thread, ThreadVisit
from network.reading import REPLIES_PER_PAGE
from portal import roles
from tests.network.conftest import add_member
from tests.network.test_network_query_counts import add_replies, warm

pytestmark = pytest.mark.django_db


def replies(thread, author, count):
    return [
        Reply.objects.create(thread=thread, author=author, body_markdown=f"Svar {n}")
        for n in range(count)
    ]


def visit(user, thread):
    return ThreadVisit.objects.filter(user=user, thread=thread).first()


def test_a_page_counts_as_read_up_to_its_last_reply_only(world, as_user):
    g = world["open"]
    written = [g["reply"], *replies(g["thread"], g["moderator"], 40)]
    client = as_user(g["member"])

    client.get(g["thread"].get_absolute_url())
    assert visit(g["member"], g["thread"]).read_up_to == written[REPLIES_PER_PAGE - 1].pk

    client.get(g["thread"].get_absolute_url() + "?side=2")
    client.get(g["thread"].get_absolute_url() + "?side=1")
    assert visit(g["member"], g["thread"]).read_up_to == written[-1].pk


def test_readers_who_are_not_members_leave_no_trace(world, as_user):
    as_user(world["outsider"]).get(world["open"]["thread"].get_absolute_url())

    assert not ThreadVisit.objects.exists()


def test_a_returning_member_lands_on_the_page_of_the_first_unread_reply(world, as_user):
    g = world["open"]
    written = [g["reply"], *replies(g["thread"], g["moderator"], 29)]  # pages of 25 and 5
    client = as_user(g["member"])
    client.get(g["thread"].get_absolute_url())  # reads page 1
    replies(g["thread"], g["moderator"], 3)
    first_new = written[REPLIES_PER_PAGE]

    page = client.get(g["thread"].get_absolute_url())

    body = page.content.decode()
    assert page.context["page_obj"].number == 2
    assert f'href="#svar-{first_new.pk}">Gå til første ulæste svar' in body
    assert "Ulæst" in body


def test_a_thread_without_news_opens_on_its_first_page(world, as_user):
    g = world["open"]
    replies(g["thread"], g["moderator"], 30)
    client = as_user(g["member"])
    client.get(g["thread"].get_absolute_url() + "?side=2")
    replies(g["thread"], g["member"], 2)  # one's own replies are not news

    page = client.get(g["thread"].get_absolute_url())

    assert page.context["page_obj"].number == 1
    assert "Gå til første ulæste svar" not in page.content.decode()


def unread_in_list(response):
    """The titles of the threads a group page marks as unread."""
    return set(re.findall(UNREAD_ENTRY, response.content.decode()))


UNREAD_ENTRY = r'>([^<]+)</a></h3>\s*<p class="form-hint"><strong class="network-unread">'


def test_the_group_page_marks_threads_with_unread_activity(world, as_user):
    g = world["closed"]
    quiet = Thread.objects.create(
        group=g["group"], author=g["member"], title="Stille", body_markdown="x"
    )
    client = as_user(g["member"])

    def unread_titles():
        return unread_in_list(client.get("/netvaerk/closed/"))

    assert unread_titles() == {g["thread"].title}  # own thread, with the moderator's reply
    client.get(g["thread"].get_absolute_url())
    assert unread_titles() == set()
    Reply.objects.create(thread=quiet, author=g["moderator"], body_markdown="Nyt")
    assert unread_titles() == {"Stille"}
    assert "Ulæst" in client.get("/netvaerk/closed/").content.decode()


def test_what_was_written_before_one_joined_is_not_unread(world, make_user, as_user):
    g = world["open"]
    newcomer = make_user(roles.MEMBER)
    add_member(g["group"], newcomer)
    client = as_user(newcomer)

    assert "ulæst aktivitet" not in client.get("/netvaerk/").content.decode()
    Thread.objects.create(group=g["group"], author=g["member"], title="Ny", body_markdown="x")
    assert "1 tråd med ulæst aktivitet" in client.get("/netvaerk/").content.decode()


def test_hidden_and_deleted_posts_are_never_unread(world, as_user):
    g = world["open"]
    as_user(g["member"]).get(g["thread"].get_absolute_url())
    Reply.objects.create(
        thread=g["thread"], author=g["moderator"], body_markdown="x", hidden_at="2030-01-01T00:00Z"
    )
    Reply.objects.create(
        thread=g["thread"], author=g["moderator"], body_markdown="y", deleted_at="2030-01-01T00:00Z"
    )

    page = as_user(g["member"]).get("/netvaerk/open/")

    assert unread_in_list(page) == set()
    assert g["thread"].title in page.content.decode()


def build_network(member, make_user, groups, threads_per_group):
    author = make_user(roles.MEMBER)
    for number in range(groups):
        group = Group.objects.create(
            name=f"ERFA {number}", slug=f"erfa-{number}", kind=GroupKind.values[number % 3]
        )
        add_member(group, member)
        add_member(group, author)
        for t in range(threads_per_group):
            thread = Thread.objects.create(
                group=group, author=author, title=f"T{t}", body_markdown="x"
            )
            Reply.objects.create(thread=thread, author=author, body_markdown="y")


def test_my_networks_counts_unread_threads_in_constant_queries(
    world, make_user, as_user, django_assert_max_num_queries
):
    member = make_user(roles.MEMBER)
    client = as_user(member)
    build_network(member, make_user, groups=2, threads_per_group=2)
    warm(client, "/netvaerk/")
    with CaptureQueriesContext(connection) as small:
        page = client.get("/netvaerk/")
    few = len(small.captured_queries)  # now: the connection's query log is bounded
    assert page.content.decode().count("2 tråde med ulæst aktivitet") == 2

    for number in range(2, 12):
        group = Group.objects.create(name=f"Stor {number}", slug=f"stor-{number}")
        add_member(group, member)
        for t in range(15):
            Thread.objects.create(group=group, author=None, title=f"S{t}", body_markdown="x")
    # The header's unread count, forgotten as the reader's memberships changed, is taken again.
    client.get("/netvaerk/")

    with django_assert_max_num_queries(few):
        page = client.get("/netvaerk/")
    assert page.content.decode().count("15 tråde med ulæst aktivitet") == 10


def test_opening_a_long_thread_at_the_first_unread_reply_stays_cheap(
    world, make_user, as_user, django_assert_max_num_queries
):
    g = world["open"]
    writers = [make_user(roles.MEMBER) for _ in range(3)]
    add_replies(g["thread"], writers, 200)
    client = as_user(g["member"])
    url = g["thread"].get_absolute_url()
    client.get(url + "?side=3")
    warm(client, url + "?side=1")

    with django_assert_max_num_queries(15):
        page = client.get(url)

    assert page.context["page_obj"].number == 4
    assert page.context["first_unread"]
