"""A thread page offers edit and delete exactly where `access.is_author` (the one rule the edit
and delete views ask) says the reader wrote the post: a post whose author was deleted is
nobody's, in the opening post, in the shared replies section and in its unread marks."""

import pytest
from django.contrib.auth.models import AnonymousUser

from network import access
from network.models import Reply, Thread, ThreadVisit
from portal import roles
from tests.network.conftest import add_member

pytestmark = pytest.mark.django_db

EDIT, DELETE, REPORT = "/rediger/", "/slet/", "/anmeld/"


def articles(html):
    """{post anchor: its article's HTML} of the page's posts."""
    found = {}
    for part in html.split("<article ")[1:]:
        tag, _, body = part.partition(">")
        if 'id="' in tag:
            found[tag.split('id="', 1)[1].split('"', 1)[0]] = body.split("</article>", 1)[0]
    return found


def offers_own_actions(article):
    return EDIT in article and DELETE in article and REPORT not in article


@pytest.fixture
def thread_with_a_deleted_author(world, make_user):
    """The open group's thread with a reply by the member, a reply by someone since deleted
    and, in a second thread, an opening post by someone since deleted."""
    g = world["open"]
    g["other"] = make_user(roles.MEMBER, first_name="Anden", last_name="Læser")
    add_member(g["group"], g["other"])
    gone = make_user(roles.MEMBER, first_name="Snart", last_name="Væk")
    add_member(g["group"], gone)
    own = Reply.objects.create(thread=g["thread"], author=g["member"], body_markdown="Mit svar")
    orphan = Reply.objects.create(thread=g["thread"], author=gone, body_markdown="Forældreløst")
    orphan_thread = Thread.objects.create(
        group=g["group"], author=gone, title="Uden forfatter", body_markdown="Ingen ejer"
    )
    gone.delete()
    for post in (orphan, orphan_thread):
        post.refresh_from_db()
        assert post.author_id is None
    return {
        **g,
        "outsider": world["outsider"],
        "own": own,
        "orphan": orphan,
        "orphan_thread": orphan_thread,
    }


def test_reply_actions_follow_the_authorship_rule(thread_with_a_deleted_author, as_user):
    g = thread_with_a_deleted_author
    # The shared section first, then the author's own copy, then the shared one again.
    for reader in ("other", "member", "outsider", "moderator", "other"):
        user = g[reader]
        shown = articles(as_user(user).get(g["thread"].get_absolute_url()).content.decode())
        for reply in (g["reply"], g["own"], g["orphan"]):
            own = offers_own_actions(shown[f"svar-{reply.pk}"])
            assert own == access.is_author(user, reply), (reader, reply.body_markdown)
        assert not offers_own_actions(shown[f"svar-{g['orphan'].pk}"])


def test_a_deleted_authors_opening_post_is_nobodys(thread_with_a_deleted_author, as_user):
    g = thread_with_a_deleted_author
    thread = g["orphan_thread"]
    html = as_user(g["other"]).get(thread.get_absolute_url()).content.decode()
    opening = html.split('class="network-post network-opening-post"', 1)[1].split("</article>")[0]
    assert not access.is_author(g["other"], thread)
    assert REPORT in opening and EDIT not in opening


def test_a_deleted_authors_new_reply_is_unread(thread_with_a_deleted_author, as_user):
    g = thread_with_a_deleted_author
    reader = as_user(g["member"])
    url = g["thread"].get_absolute_url()
    ThreadVisit.objects.filter(user=g["member"]).delete()
    reader.get(url)  # read up to the latest reply, the orphan
    late = Reply.objects.create(thread=g["thread"], author=None, body_markdown="Sent svar")
    shown = articles(reader.get(url).content.decode())
    assert "Ulæst" in shown[f"svar-{late.pk}"]
    assert "Ulæst" not in shown[f"svar-{g['own'].pk}"]


def test_nobody_is_the_author_of_a_post_without_one(world):
    orphan = Reply(thread=world["open"]["thread"], author=None, body_markdown="x")
    assert not access.is_author(AnonymousUser(), orphan)
    assert not access.is_author(world["open"]["member"], orphan)
    assert access.is_author(world["open"]["moderator"], world["open"]["reply"])
