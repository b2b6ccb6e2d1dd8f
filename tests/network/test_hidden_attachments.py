"""A post a moderator hides takes its files and its notifications with it: its attachments are
served only to the group's moderators (its author included among those refused), and no one
sees, opens or is e-mailed a notification about it until it is shown again."""

import pytest
from django.core import mail

from network import following, moderation, notifications
from network.choices import GroupKind
from network.emails import send_notification_email
from network.models import Notification
from portal.models.users import NotificationFrequency
from tests.network.conftest import RELATIONS
from tests.network.file_samples import png, stored_attachment
from tests.network.notification_helpers import post_reply, post_thread

pytestmark = pytest.mark.django_db

CENTRE = "/netvaerk/notifikationer/"


def attachment_url(attachment, group):
    return f"/netvaerk/{group.slug}/vedhaeftning/{attachment.pk}/"


def statuses(client, files, group):
    return [client.get(attachment_url(attachment, group)).status_code for attachment in files]


@pytest.fixture
def hidden_files(world):
    """{kind: (attachment of the member's thread, attachment of the member's reply)}, both posts
    hidden by the group's moderator."""
    files = {}
    for kind in GroupKind.values:
        people = world[kind]
        reply = post_reply(people["member"], people["thread"], body=f"Bilag i {kind}")
        files[kind] = (
            stored_attachment(people["thread"], f"Tråd {kind}.pdf"),
            stored_attachment(reply, f"Svar {kind}.png", png()),
        )
        moderation.hide(people["moderator"], people["thread"], reason="Personoplysninger")
        moderation.hide(people["moderator"], reply, reason="Personoplysninger")
    return files


@pytest.mark.parametrize("kind", GroupKind.values)
@pytest.mark.parametrize("relation", ["outsider", *RELATIONS])
def test_files_of_hidden_posts_are_served_only_to_the_groups_moderators(
    world, hidden_files, as_user, kind, relation
):
    user = world["outsider"] if relation == "outsider" else world[kind][relation]

    found = statuses(as_user(user), hidden_files[kind], world[kind]["group"])

    expected = 200 if relation == "moderator" else 404
    assert found == [expected, expected]


def test_the_author_gets_the_files_back_when_the_posts_are_shown_again(
    world, hidden_files, as_user
):
    people = world["closed"]
    thread_file, reply_file = hidden_files["closed"]
    author = as_user(people["member"])
    assert thread_file.thread.author == reply_file.reply.author == people["member"]
    assert statuses(author, hidden_files["closed"], people["group"]) == [404, 404]

    moderation.restore(people["moderator"], thread_file.thread)
    moderation.restore(people["moderator"], reply_file.reply)

    assert statuses(author, hidden_files["closed"], people["group"]) == [200, 200]


def test_a_moderator_of_another_group_does_not_get_the_files(world, hidden_files, as_user):
    client = as_user(world["closed"]["moderator"])

    for kind in (GroupKind.OPEN, GroupKind.SECRET):
        assert statuses(client, hidden_files[kind], world[kind]["group"]) == [404, 404]
        assert statuses(client, hidden_files["closed"], world[kind]["group"]) == [404, 404]


@pytest.fixture
def followed(world):
    """The open group's moderator follows the group and a thread by its member, with a reply by
    the member in the thread: two unread notifications for the moderator, a follower who wants
    e-mail at once; the group's other follower (`removed` reads the open group too) likewise."""
    people = world["open"]
    for reader in (people["moderator"], people["removed"]):
        reader.notification_frequency = NotificationFrequency.IMMEDIATELY
        reader.save()
        following.follow(reader, people["group"])
    thread = post_thread(people["member"], people["group"], title="Et emne med navne")
    for reader in (people["moderator"], people["removed"]):
        following.follow(reader, thread)
    reply = post_reply(people["member"], thread, body="Et svar med et cpr-nummer")
    mail.outbox.clear()
    return people, thread, reply


def visible(user):
    return set(
        Notification.objects.visible_to(user).values_list("thread__title", "reply__body_markdown")
    )


def test_a_hidden_reply_leaves_no_visible_notification(followed, as_user):
    people, thread, reply = followed
    reader = people["removed"]
    notification = Notification.objects.get(recipient=reader, reply=reply)
    assert visible(reader) == {(thread.title, None), (thread.title, reply.body_markdown)}

    moderation.hide(people["moderator"], reply)

    assert visible(reader) == {(thread.title, None)}
    client = as_user(reader)
    page = client.get(CENTRE).content.decode()
    assert "Notifikationer (1 ulæst)" in page
    assert f"/netvaerk/notifikationer/{notification.pk}/" not in page
    assert client.get(f"/netvaerk/notifikationer/{notification.pk}/").status_code == 404
    assert notifications.unread_count(reader) == 1


def test_a_hidden_thread_takes_the_notifications_of_its_replies_with_it(followed, as_user):
    people, thread, reply = followed

    moderation.hide(people["moderator"], thread)

    for reader in (people["removed"], people["moderator"]):
        assert visible(reader) == set(), reader
        assert notifications.unread_count(reader) == 0
        assert "Et emne med navne" not in as_user(reader).get(CENTRE).content.decode()


def test_the_notification_returns_when_the_post_is_shown_again(followed):
    people, thread, reply = followed
    moderation.hide(people["moderator"], reply)

    moderation.restore(people["moderator"], reply)

    assert (thread.title, reply.body_markdown) in visible(people["removed"])


def test_an_email_queued_before_the_hiding_is_not_sent(followed):
    people, thread, reply = followed
    queued = Notification.objects.get(recipient=people["removed"], reply=reply)
    moderation.hide(people["moderator"], reply)

    sent = send_notification_email.call(queued.pk)

    assert sent is False
    assert mail.outbox == []
    queued.refresh_from_db()
    assert queued.emailed_at is None
