"""A thread page costs a fixed number of queries however long the thread grows, and so does the
list of networks however many groups and members there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network import markup
from network.choices import GroupKind
from network.models import Group, Reply
from portal import roles
from tests.network.conftest import add_member

pytestmark = pytest.mark.django_db

MUNICIPALITIES = [101, 751, 461, 851, 147]


def add_replies(thread, authors, count):
    """`count` replies by turns of `authors`, every third quoting the reply before it. All but the
    last are inserted in bulk (each saved alone, every reply indexed its thread with all replies
    so far again); the last is saved as a form saves it, so its signals (the thread's search
    index, the group's fragments) see all of them."""
    previous = thread.replies.last()
    replies = []
    for number in range(count):
        reply = Reply(
            thread=thread,
            author=authors[number % len(authors)],
            body_markdown=f"Svar nummer {number} med **fed** tekst",
        )
        reply.render_body()
        replies.append(reply)
    *bulk, last = replies
    Reply.objects.bulk_create(bulk)
    for number, reply in enumerate(replies):
        if number % 3 == 0:
            reply.quoted = previous
        previous = reply
    Reply.objects.bulk_update([r for r in bulk if r.quoted_id], ["quoted"])
    last.save()
    return last


def warm(client, url):
    """The portal's chrome (menu, footer) fills its caches over the first requests."""
    for _ in range(3):
        client.get(url)


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries), response


@pytest.fixture
def writers(world, make_user):
    group = world["open"]["group"]
    people = [
        make_user(roles.MEMBER, municipality_code=code, title="Tilsynsmedarbejder")
        for code in MUNICIPALITIES
    ]
    for person in people:
        add_member(group, person)
    return people


def test_a_thread_page_with_200_replies_costs_a_fixed_handful_of_queries(world, writers, as_user):
    thread = world["open"]["thread"]
    solution = add_replies(thread, writers, 200)
    thread.solution = solution
    thread.save(update_fields=["solution"])
    client = as_user(world["open"]["moderator"])
    # Without ?side= a returning member lands on their first unread page (tests/network/
    # test_read_tracking.py counts that); the first page is asked for by number.
    url = f"{thread.get_absolute_url()}?side=1"
    warm(client, url)

    first, page = queries_for(client, url)
    last, last_page = queries_for(client, url.replace("side=1", "side=9"))

    assert first <= 15 and last <= 15, (first, last)
    assert "Svar nummer 199 med <strong>fed</strong> tekst" in last_page.content.decode()
    assert "Løsning" in page.content.decode()

    add_replies(thread, writers, 200)
    # The first request after a change loads the thread afresh for the shared cache.
    client.get(url)

    assert queries_for(client, url)[0] == first
    assert queries_for(client, url.replace("side=1", "side=17"))[0] == last


def test_the_list_of_networks_costs_the_same_with_more_groups(world, make_user, as_user):
    client = as_user(world["open"]["member"])
    warm(client, "/netvaerk/")
    before, _response = queries_for(client, "/netvaerk/")

    for number in range(10):
        group = Group.objects.create(
            name=f"ERFA {number}", slug=f"erfa-{number}", kind=GroupKind.values[number % 3]
        )
        add_member(group, make_user())
        add_member(group, world["open"]["member"])
    # The header's unread count, forgotten as the reader's memberships changed, is taken again.
    client.get("/netvaerk/")

    after, response = queries_for(client, "/netvaerk/")
    assert after == before
    assert "ERFA 9" in response.content.decode()


def test_a_group_page_costs_the_same_with_more_threads_and_members(world, make_user, as_user):
    group = world["open"]["group"]
    client = as_user(world["open"]["moderator"])
    warm(client, "/netvaerk/open/")
    before, _response = queries_for(client, "/netvaerk/open/")

    for number in range(20):
        member = make_user(roles.MEMBER, municipality_code=MUNICIPALITIES[number % 5])
        add_member(group, member)
        thread = group.threads.create(author=member, title=f"Tråd {number}", body_markdown="x")
        Reply.objects.create(thread=thread, author=member, body_markdown="y")
    # The page's shared fragments, dated by the group's generation, are rendered again first.
    warm(client, "/netvaerk/open/")

    after, _response = queries_for(client, "/netvaerk/open/")
    assert after == before


def test_rendering_is_done_once_when_saved(world):
    reply = Reply.objects.create(
        thread=world["open"]["thread"], author=None, body_markdown="*gemt*"
    )

    assert Reply.objects.get(pk=reply.pk).body_html == markup.render("*gemt*")
