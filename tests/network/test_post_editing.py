"""Editing a post: mentions added by an edit notify the newly mentioned once, files are added and
removed in the edit's transaction, and deleting asks first."""

import pytest

from network import posting
from network.files import uploads
from network.models import Attachment, Notification, NotificationKind, PostRevision
from tests.network.file_samples import HTML, pdf, png, stored_attachment, upload
from tests.network.notification_helpers import post_reply, post_thread

pytestmark = pytest.mark.django_db


def stable(user):
    return f"@[{user.get_full_name()}](bruger:{user.pk})"


def mentions_of(user):
    return Notification.objects.filter(recipient=user, kind=NotificationKind.MENTION)


def edit_url(post):
    if hasattr(post, "title"):
        return f"/netvaerk/{post.group.slug}/traad/{post.pk}/rediger/"
    return f"/netvaerk/{post.thread.group.slug}/svar/{post.pk}/rediger/"


def stored_files(root):
    return sorted(p.name for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_a_mention_added_by_editing_notifies_the_newly_mentioned_once(world, as_user):
    closed = world["closed"]
    author, moderator = closed["member"], closed["moderator"]
    thread = post_thread(author, closed["group"], body="Hvem ved det?")
    reply = post_reply(author, thread, body="Nogen?")
    client = as_user(author)

    client.post(edit_url(reply), {"body": f"Nogen? {stable(moderator)}"})
    client.post(edit_url(reply), {"body": f"Nogen? {stable(moderator)} ved det."})
    client.post(edit_url(reply), {"body": "Nogen?"})
    client.post(edit_url(reply), {"body": f"Igen {stable(moderator)}"})

    assert list(mentions_of(moderator).values_list("reply", flat=True)) == [reply.pk]
    assert not mentions_of(author).exists()


def test_those_already_mentioned_are_not_told_again_by_an_edit(world, as_user):
    closed = world["closed"]
    author, moderator = closed["member"], closed["moderator"]
    thread = post_thread(author, closed["group"], body=f"Spørg {stable(moderator)}")
    assert mentions_of(moderator).count() == 1

    as_user(author).post(
        edit_url(thread), {"title": thread.title, "body": f"Spørg {stable(moderator)} i dag"}
    )

    assert mentions_of(moderator).count() == 1


def test_an_edit_mentioning_someone_who_may_not_read_the_group_notifies_nobody(world, as_user):
    secret = world["secret"]
    thread = post_thread(secret["member"], secret["group"], body="Tekst")
    outsider, banned = world["outsider"], secret["banned"]

    as_user(secret["member"]).post(
        edit_url(thread),
        {"title": thread.title, "body": f"Tekst {stable(outsider)} {stable(banned)}"},
    )

    assert PostRevision.objects.filter(thread=thread).exists()
    assert not Notification.objects.filter(recipient__in=[outsider, banned]).exists()


def test_an_author_adds_and_removes_files_when_editing(
    world, as_user, network_files_root, django_capture_on_commit_callbacks
):
    open_group = world["open"]
    thread = post_thread(open_group["member"], open_group["group"])
    old = stored_attachment(thread, "gammel.pdf")
    kept = stored_attachment(thread, "beholdt.png", png())
    old_file = old.file.name

    with django_capture_on_commit_callbacks(execute=True):
        response = as_user(open_group["member"]).post(
            edit_url(thread),
            {
                "title": thread.title,
                "body": thread.body_markdown,
                "remove_attachments": [old.pk],
                "attachments": [upload("ny.pdf", pdf())],
            },
        )

    assert response.status_code == 302
    names = sorted(thread.attachments.values_list("original_name", flat=True))
    assert names == ["beholdt.png", "ny.pdf"]
    assert Attachment.objects.filter(pk=kept.pk).exists()
    assert old_file.rsplit("/", 1)[1] not in stored_files(network_files_root)
    assert len(stored_files(network_files_root)) == 2


def test_a_hostile_file_in_an_edit_changes_nothing(world, as_user, network_files_root):
    open_group = world["open"]
    thread = post_thread(open_group["member"], open_group["group"], body="Før")
    old = stored_attachment(thread, "gammel.pdf")
    before = stored_files(network_files_root)

    response = as_user(open_group["member"]).post(
        edit_url(thread),
        {
            "title": thread.title,
            "body": "Efter",
            "remove_attachments": [old.pk],
            "attachments": [upload("god.pdf", pdf()), upload("ond.pdf", HTML)],
        },
    )

    assert response.status_code == 200
    assert "„ond.pdf“ er ikke en PDF-fil, selv om navnet siger det." in response.content.decode()
    thread.refresh_from_db()
    assert thread.body_markdown == "Før"
    assert list(thread.attachments.values_list("original_name", flat=True)) == ["gammel.pdf"]
    assert stored_files(network_files_root) == before


def test_an_edit_over_the_file_limit_saves_nothing(world, settings, network_files_root):
    settings.NETWORK_MAX_ATTACHMENTS = 2
    open_group = world["open"]
    thread = post_thread(open_group["member"], open_group["group"], body="Før")
    stored_attachment(thread, "a.pdf")
    stored_attachment(thread, "b.pdf")
    before = stored_files(network_files_root)

    with pytest.raises(posting.Refused, match="højst have 2 filer"):
        posting.edit(
            open_group["member"],
            thread,
            body="Efter",
            files=[uploads.check(upload("c.pdf", pdf()))],
        )

    thread.refresh_from_db()
    assert thread.body_markdown == "Før" and thread.attachments.count() == 2
    assert stored_files(network_files_root) == before


def test_only_the_posts_own_files_can_be_removed(world, as_user):
    open_group = world["open"]
    thread = post_thread(open_group["member"], open_group["group"])
    stored_attachment(thread, "eget.pdf")
    others = stored_attachment(open_group["reply"], "andres.pdf")

    response = as_user(open_group["member"]).post(
        edit_url(thread),
        {"title": thread.title, "body": "Ny", "remove_attachments": [others.pk]},
    )

    assert response.status_code == 200
    assert "Vælg blandt indlæggets egne filer." in response.content.decode()
    assert Attachment.objects.filter(pk=others.pk).exists()


def test_deleting_asks_for_confirmation_first(world, as_user):
    open_group = world["open"]
    reply = post_reply(open_group["member"], open_group["thread"], body="Mit svar")
    client = as_user(open_group["member"])
    url = f"/netvaerk/open/svar/{reply.pk}/slet/"

    page = client.get(url)

    reply.refresh_from_db()
    assert page.status_code == 200 and reply.deleted_at is None
    text = page.content.decode()
    assert "Vil du slette svaret?" in text
    assert '<form method="post">' in text and "Ja, slet indlægget" in text
    assert (
        f'href="{url}"' in client.get(f"/netvaerk/open/traad/{reply.thread_id}/").content.decode()
    )

    client.post(url)

    reply.refresh_from_db()
    assert reply.deleted_at is not None


def test_nobody_is_asked_to_delete_another_persons_post(world, as_user):
    open_group = world["open"]
    reply = open_group["reply"]

    response = as_user(open_group["member"]).get(
        f"/netvaerk/open/svar/{reply.pk}/slet/", follow=True
    )

    assert "Du kan kun slette dine egne indlæg." in response.content.decode()
    reply.refresh_from_db()
    assert reply.deleted_at is None
