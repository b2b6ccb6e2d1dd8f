"""Registering for a group's meeting: guidance's rules (seats, waiting list, promotion, e-mails)
applied to network meetings, and the group's own rule that only active members take part."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from events import registration
from network import memberships, moderation
from network.choices import MembershipStatus
from network.models import MeetingRegistration, Membership
from portal import roles
from tests.network.conftest import add_member
from tests.network.meeting_factory import NO_QUESTIONS, make_meeting

pytestmark = pytest.mark.django_db

CONFIRMED, WAITING, CANCELLED = (
    MeetingRegistration.Status.CONFIRMED,
    MeetingRegistration.Status.WAITING,
    MeetingRegistration.Status.CANCELLED,
)


@pytest.fixture
def members(world, make_user):
    """Four more active members of the closed group."""
    people = [make_user(roles.MEMBER) for _ in range(4)]
    for person in people:
        add_member(world["closed"]["group"], person)
    return people


def page_after(client, url):
    return client.post(url, follow=True).content.decode()


def test_members_are_confirmed_until_full_then_wait_and_the_first_is_promoted(
    world, members, django_capture_on_commit_callbacks
):
    meeting = make_meeting(world["closed"]["group"], capacity=2)
    first, second, third = (registration.register(user, meeting) for user in members[:3])
    assert [r.status for r in (first, second, third)] == [CONFIRMED, CONFIRMED, WAITING]

    with django_capture_on_commit_callbacks(execute=True):
        registration.cancel(first)

    third.refresh_from_db()
    assert third.status == CONFIRMED
    (message,) = mail.outbox
    assert message.to == [members[2].email] and "fået en plads" in message.subject
    assert message.attachments, "the promoted member gets the calendar file"


def test_without_a_capacity_nobody_waits(world, members):
    meeting = make_meeting(world["closed"]["group"], capacity=None)

    outcomes = [registration.register(user, meeting) for user in members]

    assert {o.status for o in outcomes} == {CONFIRMED}
    assert not registration.seat_status(meeting).is_full


def test_member_registers_and_cancels_with_the_conference_messages(world, members, as_user):
    meeting = make_meeting(world["closed"]["group"], capacity=1)
    registration.register(members[0], meeting)
    client = as_user(members[1])
    at = meeting.get_absolute_url()

    content = page_after(client, f"{at}tilmeld/")
    assert "Arrangementet er fuldt, så du står nu på ventelisten som nummer 1." in content
    assert "Du står på ventelisten som nummer 1." in content

    content = page_after(client, f"{at}afmeld/")
    assert f"Du er afmeldt {meeting.title}." in content
    assert meeting.registrations.get(user=members[1]).status == CANCELLED


def test_confirmation_email_carries_the_meeting_as_icalendar(
    world, members, as_user, django_capture_on_commit_callbacks
):
    meeting = make_meeting(world["closed"]["group"], capacity=5)
    client = as_user(members[0])

    with django_capture_on_commit_callbacks(execute=True):
        content = page_after(client, f"{meeting.get_absolute_url()}tilmeld/")

    assert f"Du er tilmeldt {meeting.title}. Vi har sendt en bekræftelse" in content
    (message,) = mail.outbox
    assert message.to == [members[0].email] and meeting.title in message.subject
    assert meeting.get_absolute_url() in message.body
    name, ics, mimetype = message.attachments[0]
    (vevent,) = Calendar.from_ical(ics).walk("VEVENT")
    assert str(vevent["uid"]) == meeting.ical_uid


@pytest.mark.parametrize("relation", ["removed", "requested", "invited"])
def test_only_active_members_may_register(world, as_user, relation):
    meeting = make_meeting(world["open"]["group"], capacity=5)
    client = as_user(world["open"][relation])

    content = page_after(client, f"{meeting.get_absolute_url()}tilmeld/")

    assert "Kun netværkets medlemmer kan tilmelde sig møderne." in content
    assert not meeting.registrations.exists()


def test_a_reader_of_an_open_group_sees_the_meeting_and_is_asked_to_join(world, as_user):
    meeting = make_meeting(world["open"]["group"], capacity=5)
    client = as_user(world["outsider"])

    content = client.get(meeting.get_absolute_url()).content.decode()

    assert meeting.title in content
    assert "Bliv medlem af netværket først." in content
    assert "/netvaerk/open/bliv-medlem/" in content
    assert "/tilmeld/" not in content, "no registration button for non-members"
    assert "Tilmeldte" not in content, "the attendee list is for members"
    with pytest.raises(registration.RegistrationError, match="Bliv medlem"):
        registration.register(world["outsider"], meeting)


def test_a_past_meeting_refuses_registration(world, members, as_user):
    meeting = make_meeting(world["closed"]["group"], days_ahead=-2, capacity=5)
    client = as_user(members[0])

    page = client.get(meeting.get_absolute_url()).content.decode()
    content = page_after(client, f"{meeting.get_absolute_url()}tilmeld/")

    assert "Tilmeldingen er lukket, fordi arrangementet er begyndt eller afholdt." in page
    assert "allerede begyndt eller afholdt, så du kan ikke tilmelde dig" in content
    assert not meeting.registrations.exists()


def test_a_passed_deadline_refuses_registration(world, members):
    meeting = make_meeting(
        world["closed"]["group"],
        capacity=5,
        registration_deadline=timezone.now() - datetime.timedelta(hours=1),
    )

    with pytest.raises(registration.RegistrationError, match="Tilmeldingsfristen udløb"):
        registration.register(members[0], meeting)


def test_a_member_removed_before_the_email_is_sent_gets_nothing(world, members):
    """The task runs later than the registration: it asks the group again."""
    meeting = make_meeting(world["closed"]["group"], capacity=5)
    seat = registration.register(members[0], meeting)
    Membership.objects.filter(user=members[0]).update(status=MembershipStatus.REMOVED)

    registration.send_registration_email.call(seat._meta.label, seat.pk, "confirmed")

    assert mail.outbox == []


def test_a_member_still_in_the_group_gets_the_queued_email(world, members):
    meeting = make_meeting(world["closed"]["group"], capacity=5)
    seat = registration.register(members[0], meeting)

    registration.send_registration_email.call(seat._meta.label, seat.pk, "confirmed")

    assert [m.to for m in mail.outbox] == [[members[0].email]]


def test_leaving_the_group_gives_up_the_seat_to_the_waiting_list(world, members):
    meeting = make_meeting(world["closed"]["group"], capacity=1)
    held = registration.register(members[0], meeting)
    waiting = registration.register(members[1], meeting)

    memberships.leave(members[0], world["closed"]["group"])

    held.refresh_from_db(), waiting.refresh_from_db()
    assert (held.status, waiting.status) == (CANCELLED, CONFIRMED)


@pytest.mark.parametrize("action", [moderation.remove, moderation.ban])
def test_a_removed_or_banned_member_gives_up_the_seat(world, members, action):
    group = world["closed"]["group"]
    meeting = make_meeting(group, capacity=1)
    held = registration.register(members[0], meeting)
    waiting = registration.register(members[1], meeting)

    action(world["closed"]["moderator"], Membership.objects.get(group=group, user=members[0]))

    held.refresh_from_db(), waiting.refresh_from_db()
    assert (held.status, waiting.status) == (CANCELLED, CONFIRMED)


def test_raising_the_capacity_seats_the_waiting_list(world, members, as_user):
    meeting = make_meeting(world["closed"]["group"], capacity=1)
    first, second, third = (registration.register(user, meeting) for user in members[:3])
    client = as_user(world["closed"]["moderator"])
    data = {
        "title": meeting.title,
        "start": timezone.localtime(meeting.start).strftime("%Y-%m-%dT%H:%M"),
        "end": timezone.localtime(meeting.end).strftime("%Y-%m-%dT%H:%M"),
        "place": meeting.place,
        "capacity": "2",
        **NO_QUESTIONS,
    }

    response = client.post(f"{meeting.get_absolute_url()}rediger/", data)

    assert response.status_code == 302
    second.refresh_from_db(), third.refresh_from_db()
    assert (second.status, third.status) == (CONFIRMED, WAITING)


def test_members_see_who_is_coming(world, members, as_user):
    meeting = make_meeting(world["closed"]["group"], capacity=1)
    registration.register(members[0], meeting)
    registration.register(members[1], meeting)

    content = as_user(world["closed"]["member"]).get(meeting.get_absolute_url()).content.decode()

    attendees = content.split("Tilmeldte")[1]
    assert str(members[0]) in attendees and str(members[1]) not in attendees
    assert "1 står på ventelisten." in attendees


def test_with_the_database_queue_the_confirmation_is_queued_with_the_registration(
    world, members, settings
):
    """Queued in the registration's own transaction, not after its commit: a worker killed or a
    database restarted between the two can no longer keep the seat and lose the e-mail."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    meeting = make_meeting(world["closed"]["group"], capacity=None)

    seat = registration.register(members[0], meeting)

    (queued,) = DBTaskResult.objects.filter(task_path__endswith="send_registration_email")
    assert queued.args_kwargs["args"][1] == seat.pk
