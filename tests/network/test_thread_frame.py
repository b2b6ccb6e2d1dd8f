"""The thread page's shared frame (breadcrumbs, title, follow button, opening post and its
actions, reply form) never hands one reader what another's rights or state gave them, its
per-request values are the request's own, and every change of the thread shows at once. Each
test renders the page first for one reader, filling the cache, then for another."""

import re

import pytest
from django.test import Client

from network import following, moderation, posting
from network.models import Reply, ThreadVisit
from portal import roles
from tests.network.conftest import add_member

pytestmark = pytest.mark.django_db

EDIT, DELETE, REPORT = "/rediger/", "/slet/", "/anmeld/"
MODERATION = ("Skjul indlægget", "Lås tråden", "Fastgør tråden")


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def opening_post(html):
    return html.split('class="network-post network-opening-post"', 1)[1].split("</article>")[0]


@pytest.fixture
def open_thread(world, make_user):
    """The open group's thread (by its member), with a second member and a reader who may
    read but not reply (the outsider)."""
    g = world["open"]
    g["other"] = make_user(roles.MEMBER, first_name="Anden", last_name="Læser")
    add_member(g["group"], g["other"])
    g["outsider"] = world["outsider"]
    g["url"] = f"{g['thread'].get_absolute_url()}?side=1"
    return g


def test_the_author_alone_gets_the_opening_posts_edit_and_delete(open_thread, as_user):
    g = open_thread
    own = opening_post(page(as_user(g["member"]), g["url"]))
    assert EDIT in own and DELETE in own and REPORT not in own

    others = opening_post(page(as_user(g["other"]), g["url"]))
    assert EDIT not in others and DELETE not in others and REPORT in others
    assert EDIT in opening_post(page(as_user(g["member"]), g["url"]))


def test_moderators_tools_and_a_hidden_posts_text_are_the_moderators_own(open_thread, as_user):
    g = open_thread
    moderation.hide(g["moderator"], g["thread"])
    moderator_page = page(as_user(g["moderator"]), g["url"])
    assert "Indhold i open" in moderator_page and "Vis indlægget igen" in moderator_page
    assert "Lås tråden" in moderator_page

    member_page = page(as_user(g["other"]), g["url"])
    assert "Indhold i open" not in member_page
    assert not any(tool in member_page for tool in ("Vis indlægget igen", *MODERATION))
    assert "Hemmelig overskrift open" not in member_page


def test_the_reply_form_and_follow_state_are_the_readers_own(open_thread, as_user):
    g = open_thread
    following.follow(g["other"], g["thread"])
    follower_page = page(as_user(g["other"]), g["url"])
    assert "Følg ikke længere tråden" in follower_page and "Send svar" in follower_page

    outsider_page = page(as_user(g["outsider"]), g["url"])
    assert "Følg tråden" in outsider_page and "Følg ikke længere tråden" not in outsider_page
    assert "Send svar" not in outsider_page
    assert "Du skal være medlem af netværket for at svare" in outsider_page
    assert "Følg ikke længere tråden" in page(as_user(g["other"]), g["url"])


def test_the_first_unread_link_is_the_readers_own(open_thread, as_user):
    g = open_thread
    url = g["thread"].get_absolute_url()
    for reader in ("other", "member"):
        page(as_user(g[reader]), url)  # both have read every reply
    fresh = Reply.objects.create(thread=g["thread"], author=g["moderator"], body_markdown="Nyt")
    ThreadVisit.objects.filter(user=g["member"]).delete()  # never read it: no landing link

    assert f'href="#svar-{fresh.pk}">Gå til første ulæste svar' in page(as_user(g["other"]), url)
    assert "Gå til første ulæste svar" not in page(as_user(g["member"]), url)
    assert "Gå til første ulæste svar" not in page(as_user(g["other"]), url)  # read it now


def test_each_request_gets_its_own_working_tokens(open_thread):
    g = open_thread
    tokens = []
    for reader in ("member", "other"):
        client = Client(enforce_csrf_checks=True)
        client.force_login(g[reader])
        html = page(client, g["url"])
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]
        submission = re.search(r'name="token" value="([^"]+)"', html)[1]
        tokens.append(submission)
        response = client.post(
            f"{g['thread'].get_absolute_url()}svar/",
            {"csrfmiddlewaretoken": csrf, "token": submission, "body": f"Svar fra {reader}"},
        )
        assert response.status_code == 302
    assert tokens[0] != tokens[1]
    assert (
        Reply.objects.filter(thread=g["thread"], body_markdown__startswith="Svar fra").count() == 2
    )


def test_changes_to_the_opening_post_show_at_once(open_thread, as_user):
    g = open_thread
    reader = as_user(g["other"])
    page(reader, g["url"])

    posting.edit(g["member"], g["thread"], body="Ny tekst i dag", title="Ny titel i dag")
    html = page(reader, g["url"])
    assert "Ny tekst i dag" in opening_post(html) and "<h1>Ny titel i dag</h1>" in html
    assert "Ny titel i dag</li>" in html  # the breadcrumbs' current page

    moderation.set_thread_state(g["moderator"], g["thread"], "lock")
    html = page(reader, g["url"])
    assert "Tråden er låst, så der kan ikke skrives i den." in html and "Send svar" not in html

    moderation.hide(g["moderator"], g["thread"])
    assert "Skjult af en moderator" in opening_post(page(reader, g["url"]))

    g["thread"].refresh_from_db()
    posting.delete(g["member"], g["thread"])
    assert "Indlægget er slettet." in opening_post(page(reader, g["url"]))
