"""Writing in a group: threads, replies, quotes, edits with history, soft deletes, answers,
pinning and locking, and the writes that must be refused without saving anything."""

import uuid

import pytest

from network.models import PostRevision, Reply, Thread
from portal import roles

pytestmark = pytest.mark.django_db


def token():
    return str(uuid.uuid4())


@pytest.fixture
def open_group(world):
    return world["open"]


def thread_url(thread, suffix=""):
    return f"/netvaerk/{thread.group.slug}/traad/{thread.pk}/{suffix}"


def test_a_member_starts_a_thread_and_it_is_rendered(open_group, as_user):
    client = as_user(open_group["member"])

    response = client.post(
        "/netvaerk/open/traad/ny/",
        {"title": "Henlæggelser", "body": "Hvordan **vurderer** I dem?", "token": token()},
    )

    thread = Thread.objects.get(title="Henlæggelser")
    assert response["Location"] == thread_url(thread)
    assert thread.body_html == "<p>Hvordan <strong>vurderer</strong> I dem?</p>\n"
    assert "<strong>vurderer</strong>" in client.get(thread_url(thread)).content.decode()


def test_the_same_thread_form_sent_twice_makes_one_thread(open_group, as_user):
    client = as_user(open_group["member"])
    data = {"title": "Dobbeltklik", "body": "Samme indhold", "token": token()}

    client.post("/netvaerk/open/traad/ny/", data)
    response = client.post("/netvaerk/open/traad/ny/", data, follow=True)

    assert Thread.objects.filter(title="Dobbeltklik").count() == 1
    assert "Tråden var allerede oprettet" in response.content.decode()


def test_the_same_reply_form_sent_twice_makes_one_reply(open_group, as_user):
    thread = open_group["thread"]
    client = as_user(open_group["member"])
    data = {"body": "Enig", "token": token()}

    first = client.post(thread_url(thread, "svar/"), data)
    second = client.post(thread_url(thread, "svar/"), data, follow=True)

    assert thread.replies.filter(body_markdown="Enig").count() == 1
    reply = thread.replies.get(body_markdown="Enig")
    assert first["Location"] == f"{thread_url(thread)}?side=1#svar-{reply.pk}"
    assert "Svaret var allerede sendt; det er ikke gemt igen." in second.content.decode()


def test_the_same_text_in_two_forms_is_two_replies(open_group, as_user):
    thread = open_group["thread"]
    client = as_user(open_group["member"])

    client.post(thread_url(thread, "svar/"), {"body": "Ja", "token": token()})
    client.post(thread_url(thread, "svar/"), {"body": "Ja", "token": token()})

    assert thread.replies.filter(body_markdown="Ja").count() == 2


@pytest.mark.parametrize("body", ["", "   \n  "])
def test_an_empty_reply_is_refused(open_group, as_user, body):
    thread = open_group["thread"]

    response = as_user(open_group["member"]).post(
        thread_url(thread, "svar/"), {"body": body, "token": token()}
    )

    assert response.status_code == 400
    assert "Skriv en tekst." in response.content.decode()
    assert thread.replies.count() == 1


def test_an_empty_thread_is_refused(open_group, as_user):
    response = as_user(open_group["member"]).post(
        "/netvaerk/open/traad/ny/", {"title": " ", "body": "", "token": token()}
    )

    assert "Skriv en overskrift." in response.content.decode()
    assert "Skriv en tekst." in response.content.decode()
    assert Thread.objects.filter(group=open_group["group"]).count() == 1


def test_a_locked_thread_takes_no_replies(open_group, as_user):
    thread = open_group["thread"]
    Thread.objects.filter(pk=thread.pk).update(locked=True)
    client = as_user(open_group["member"])

    response = client.post(
        thread_url(thread, "svar/"), {"body": "Hov", "token": token()}, follow=True
    )

    assert "Tråden er låst, så der kan ikke skrives i den." in response.content.decode()
    assert (
        'action="/netvaerk/open/traad/' + str(thread.pk) + '/svar/"'
        not in response.content.decode()
    )
    assert thread.replies.count() == 1


@pytest.mark.parametrize("relation", ["outsider", "removed"])
def test_only_active_members_write_in_an_open_group(world, as_user, relation):
    user = world["outsider"] if relation == "outsider" else world["open"][relation]
    thread = world["open"]["thread"]
    client = as_user(user)

    reply = client.post(thread_url(thread, "svar/"), {"body": "Hej", "token": token()}, follow=True)
    new = client.post(
        "/netvaerk/open/traad/ny/", {"title": "T", "body": "B", "token": token()}, follow=True
    )

    assert "Du skal være aktivt medlem af netværket for at skrive her." in reply.content.decode()
    assert "Du skal være aktivt medlem af netværket for at skrive her." in new.content.decode()
    assert thread.replies.count() == 1
    assert Thread.objects.filter(group=thread.group).count() == 1


def test_a_member_who_left_can_no_longer_reply(open_group, as_user):
    thread, member = open_group["thread"], open_group["member"]
    client = as_user(member)
    client.post("/netvaerk/open/forlad/")

    client.post(thread_url(thread, "svar/"), {"body": "Efter", "token": token()})

    assert not thread.replies.filter(author=member).exists()


def test_a_reply_quotes_another(open_group, as_user):
    thread, quoted = open_group["thread"], open_group["reply"]
    client = as_user(open_group["member"])
    form_page = client.get(thread_url(thread, f"?citer={quoted.pk}")).content.decode()
    assert "Du citerer Moderator open:" in form_page

    client.post(
        thread_url(thread, "svar/"), {"body": "Netop", "quoted": quoted.pk, "token": token()}
    )

    reply = thread.replies.get(body_markdown="Netop")
    assert reply.quoted == quoted
    page = client.get(thread_url(thread)).content.decode()
    assert "Moderator open skrev:" in page


def test_a_reply_cannot_quote_one_from_another_thread(world, as_user):
    thread, elsewhere = world["open"]["thread"], world["closed"]["reply"]

    response = as_user(world["open"]["member"]).post(
        thread_url(thread, "svar/"), {"body": "Snyd", "quoted": elsewhere.pk, "token": token()}
    )

    assert response.status_code == 400
    assert not thread.replies.filter(body_markdown="Snyd").exists()
    assert elsewhere.body_markdown not in response.content.decode()


def test_an_author_edits_a_reply_and_the_old_text_is_kept(open_group, as_user):
    reply = open_group["reply"]
    client = as_user(open_group["moderator"])

    client.post(f"/netvaerk/open/svar/{reply.pk}/rediger/", {"body": "Rettet *svar*"})

    reply.refresh_from_db()
    assert reply.body_html == "<p>Rettet <em>svar</em></p>\n"
    assert reply.edited_at is not None
    revision = PostRevision.objects.get(reply=reply)
    assert revision.old_body == "Svar i open"
    assert revision.edited_by == open_group["moderator"]
    assert "redigeret" in client.get(thread_url(reply.thread)).content.decode()


def test_an_author_edits_the_title_and_body_of_a_thread(open_group, as_user):
    thread = open_group["thread"]

    as_user(open_group["member"]).post(
        thread_url(thread, "rediger/"), {"title": "Ny overskrift", "body": "Ny tekst"}
    )

    thread.refresh_from_db()
    assert (thread.title, thread.body_markdown) == ("Ny overskrift", "Ny tekst")
    revision = PostRevision.objects.get(thread=thread)
    assert (revision.old_title, revision.old_body) == ("Hemmelig overskrift open", "Indhold i open")


def test_an_edit_that_changes_nothing_keeps_no_revision(open_group, as_user):
    reply = open_group["reply"]

    response = as_user(open_group["moderator"]).post(
        f"/netvaerk/open/svar/{reply.pk}/rediger/", {"body": reply.body_markdown}
    )

    assert "Du har ikke ændret noget." in response.content.decode()
    assert not PostRevision.objects.exists()


def test_nobody_edits_another_persons_post(open_group, as_user):
    reply = open_group["reply"]
    client = as_user(open_group["member"])

    page = client.get(f"/netvaerk/open/svar/{reply.pk}/rediger/", follow=True)
    client.post(f"/netvaerk/open/svar/{reply.pk}/rediger/", {"body": "Overtaget"})

    assert "Du kan kun ændre dine egne indlæg." in page.content.decode()
    reply.refresh_from_db()
    assert reply.body_markdown == "Svar i open" and reply.edited_at is None
    assert not PostRevision.objects.exists()


def test_edits_in_a_locked_thread_are_refused(open_group, as_user):
    reply = open_group["reply"]
    Thread.objects.filter(pk=reply.thread_id).update(locked=True)

    response = as_user(open_group["moderator"]).post(
        f"/netvaerk/open/svar/{reply.pk}/rediger/", {"body": "Senere"}
    )

    assert "Tråden er låst" in response.content.decode()
    reply.refresh_from_db()
    assert reply.body_markdown == "Svar i open"
    assert not PostRevision.objects.exists()


def test_an_author_deletes_a_reply_softly(open_group, as_user):
    reply, thread = open_group["reply"], open_group["thread"]
    Thread.objects.filter(pk=thread.pk).update(solution=reply)
    client = as_user(open_group["moderator"])

    client.post(f"/netvaerk/open/svar/{reply.pk}/slet/")

    reply.refresh_from_db()
    thread.refresh_from_db()
    assert reply.deleted_at is not None and thread.solution is None
    page = client.get(thread_url(thread)).content.decode()
    assert "Indlægget er slettet." in page
    assert "Svar i open" not in page


def test_nobody_deletes_another_persons_post(open_group, as_user):
    reply, thread = open_group["reply"], open_group["thread"]

    response = as_user(open_group["member"]).post(
        f"/netvaerk/open/svar/{reply.pk}/slet/", follow=True
    )
    as_user(open_group["moderator"]).post(thread_url(thread, "slet/"))

    assert "Du kan kun ændre dine egne indlæg." in response.content.decode()
    reply.refresh_from_db()
    thread.refresh_from_db()
    assert reply.deleted_at is None and thread.deleted_at is None


def test_the_thread_author_marks_the_answer_and_it_is_shown_first(open_group, as_user, make_user):
    thread, answer = open_group["thread"], open_group["reply"]
    later = Reply.objects.create(
        thread=thread, author=open_group["moderator"], body_markdown="Nr. 2"
    )
    client = as_user(open_group["member"])

    client.post(thread_url(thread, f"loesning/{later.pk}/"))

    thread.refresh_from_db()
    assert thread.solution == later
    page = client.get(thread_url(thread)).content.decode()
    assert page.index("Nr. 2") < page.index(answer.body_markdown)
    client.post(thread_url(thread, f"loesning/{later.pk}/"))
    thread.refresh_from_db()
    assert thread.solution is None


def test_a_moderator_may_mark_the_answer_but_another_member_may_not(world, as_user, make_user):
    thread, reply = world["open"]["thread"], world["open"]["reply"]
    from tests.network.conftest import add_member

    other = make_user(roles.MEMBER)
    add_member(thread.group, other)

    response = as_user(other).post(thread_url(thread, f"loesning/{reply.pk}/"), follow=True)
    thread.refresh_from_db()
    assert thread.solution is None
    assert "Kun trådens forfatter eller en moderator" in response.content.decode()

    as_user(world["open"]["moderator"]).post(thread_url(thread, f"loesning/{reply.pk}/"))
    thread.refresh_from_db()
    assert thread.solution == reply


def test_a_moderator_pins_and_locks_a_thread(open_group, as_user):
    group, old = open_group["group"], open_group["thread"]
    newer = Thread.objects.create(
        group=group, author=open_group["member"], title="Nyere tråd", body_markdown="x"
    )
    client = as_user(open_group["moderator"])
    assert client.get("/netvaerk/open/").content.decode().index(newer.title) < client.get(
        "/netvaerk/open/"
    ).content.decode().index(old.title)

    client.post(thread_url(old, "moderer/"), {"action": "pin"})
    client.post(thread_url(old, "moderer/"), {"action": "lock"})

    old.refresh_from_db()
    assert old.pinned and old.locked
    page = client.get("/netvaerk/open/").content.decode()
    assert page.index(old.title) < page.index(newer.title)
    assert (
        "Tråden er låst, så der kan ikke skrives i den."
        in client.get(thread_url(old)).content.decode()
    )


def test_replies_paginate(open_group, as_user):
    thread = open_group["thread"]
    Reply.objects.bulk_create(
        Reply(
            thread=thread,
            author=open_group["member"],
            body_markdown=f"svar {n}",
            body_html=f"<p>svar nr. {n}</p>",
        )
        for n in range(30)
    )
    client = as_user(open_group["member"])

    first, second = client.get(thread_url(thread)), client.get(thread_url(thread, "?side=2"))

    assert "svar nr. 0<" in first.content.decode() and "svar nr. 29<" not in first.content.decode()
    assert "svar nr. 29<" in second.content.decode()
    assert "Side 2 af 2" in second.content.decode()
