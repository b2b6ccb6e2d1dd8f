"""A network post is searchable, or no longer, as soon as its transaction commits: writing,
replying, editing, hiding and deleting, with a cached answer set aside each time."""

import uuid

import pytest

from network import moderation, posting
from network.choices import GroupKind, MembershipRole, MembershipStatus
from network.models import Group, Membership
from portal import roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def group_with_people(make_user):
    group = Group.objects.create(name="Økonomi", slug="oekonomi", kind=GroupKind.OPEN)
    writer, moderator = make_user(roles.MEMBER), make_user(roles.MEMBER)
    for user, role in [(writer, MembershipRole.MEMBER), (moderator, MembershipRole.MODERATOR)]:
        Membership.objects.create(group=group, user=user, status=MembershipStatus.ACTIVE, role=role)
    return group, writer, moderator


def found(client, query):
    response = client.get("/soeg/", {"q": query, "type": "netvaerk"})
    return [hit.title for hit in response.context["results_page"]]


def test_posts_are_searchable_from_their_commit_until_hidden_or_deleted(
    group_with_people, client, login, django_capture_on_commit_callbacks
):
    group, writer, moderator = group_with_people
    login(client, writer)
    assert found(client, "rødspætte") == []  # cached: no answer is cached when empty

    with django_capture_on_commit_callbacks(execute=True):
        thread = posting.start_thread(
            writer, group, title="Rødspætte i kantinen", body="Om frokost.", token=uuid.uuid4()
        )
    assert found(client, "rødspætte") == ["Rødspætte i kantinen"]
    assert found(client, "blåmuslinger") == []

    with django_capture_on_commit_callbacks(execute=True):
        answer = posting.reply(writer, thread, body="Hellere blåmuslinger.", token=uuid.uuid4())
    assert found(client, "blåmuslinger") == ["Rødspætte i kantinen"]

    with django_capture_on_commit_callbacks(execute=True):
        posting.edit(writer, answer, body="Hellere hummer.")
    assert found(client, "blåmuslinger") == []
    assert found(client, "hummer") == ["Rødspætte i kantinen"]

    with django_capture_on_commit_callbacks(execute=True):
        moderation.hide(moderator, answer)
    assert found(client, "hummer") == []
    assert found(client, "rødspætte") == ["Rødspætte i kantinen"]  # the answer is cached

    with django_capture_on_commit_callbacks(execute=True):
        moderation.hide(moderator, thread)
    assert found(client, "rødspætte") == []

    with django_capture_on_commit_callbacks(execute=True):
        moderation.restore(moderator, thread)
    assert found(client, "rødspætte") == ["Rødspætte i kantinen"]

    with django_capture_on_commit_callbacks(execute=True):
        posting.delete(writer, thread)
    assert found(client, "rødspætte") == []


def test_leaving_a_closed_group_sets_its_threads_aside_at_once(
    make_user, client, login, django_capture_on_commit_callbacks
):
    group = Group.objects.create(name="Lukket", slug="lukket", kind=GroupKind.CLOSED)
    reader = make_user(roles.MEMBER)
    membership = Membership.objects.create(
        group=group, user=reader, status=MembershipStatus.ACTIVE, role=MembershipRole.MEMBER
    )
    posting.start_thread(reader, group, title="Havregrød", body="Tekst.", token=uuid.uuid4())
    login(client, reader)
    assert found(client, "havregrød") == ["Havregrød"]

    with django_capture_on_commit_callbacks(execute=True):
        membership.status = MembershipStatus.REMOVED
        membership.save()

    response = client.get("/soeg/", {"q": "havregrød", "type": "netvaerk"})
    assert [hit.title for hit in response.context["results_page"]] == []
    assert {f.key: f.count for f in response.context["answer"].facets}["netvaerk"] == 0
