""" "Mine tilmeldinger": a person's registrations to conferences and network meetings, with
status, waiting-list position and cancel; nobody reaches another person's registration."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from events import registration
from events.models import RegistrationStatus
from guidance.models import EventRegistration
from network.models import MeetingRegistration
from portal import roles
from tests.network.meeting_factory import make_meeting

pytestmark = [pytest.mark.django_db, pytest.mark.page_tree_once("event_index")]

URL = "/konto/tilmeldinger/"
CONFIRMED, WAITING, CANCELLED = (
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITING,
    RegistrationStatus.CANCELLED,
)


@pytest.fixture
def others(make_user):
    return [make_user(roles.MEMBER) for _ in range(3)]


@pytest.fixture
def member(world):
    return world["closed"]["member"]


def cancel_url(kind, pk):
    return f"{URL}{kind}/{pk}/afmeld/"


def test_lists_conferences_and_meetings_with_status_and_waiting_position(
    world, member, others, make_event, as_user
):
    conference = make_event("Tilsynskonferencen 2027", capacity=1, days_ahead=40)
    registration.register(others[0], conference, email=False)
    registration.register(others[1], conference, email=False)
    registration.register(member, conference, email=False)
    meeting = make_meeting(world["closed"]["group"], title="ERFA-møde i Herning")
    registration.register(member, meeting, email=False)
    held = make_meeting(world["closed"]["group"], title="Afholdt møde", days_ahead=-30)
    MeetingRegistration.objects.create(event=held, user=member, status=CONFIRMED)

    content = as_user(member).get(URL).content.decode()

    upcoming, past = content.split("Afholdte")
    assert upcoming.index("ERFA-møde i Herning") < upcoming.index("Tilsynskonferencen 2027")
    assert "På venteliste som nummer 2" in upcoming
    assert "Tilmeldt" in upcoming and "Dalgasgade 8, 7400 Herning" in upcoming
    assert conference.calendar_url in upcoming and meeting.calendar_url in upcoming
    assert "Afholdt møde" in past and "Afholdt møde" not in upcoming


def test_a_cancelled_registration_is_shown_as_cancelled_without_actions(
    member, make_event, as_user
):
    conference = make_event(capacity=5)
    registration.cancel(registration.register(member, conference, email=False))

    content = as_user(member).get(URL).content.decode()

    assert "Afmeldt" in content
    assert conference.calendar_url not in content


def test_cancelling_asks_first_then_gives_the_seat_to_the_first_waiting(
    member, others, make_event, as_user
):
    conference = make_event(capacity=1)
    own = registration.register(member, conference, email=False)
    waiting = registration.register(others[0], conference, email=False)
    client = as_user(member)

    confirm = client.get(cancel_url("arrangement", own.pk))
    own.refresh_from_db()
    assert own.status == CONFIRMED
    assert "Din plads går til den første på ventelisten" in confirm.content.decode()

    response = client.post(cancel_url("arrangement", own.pk), follow=True)

    own.refresh_from_db(), waiting.refresh_from_db()
    assert (own.status, waiting.status) == (CANCELLED, CONFIRMED)
    assert "Du er afmeldt Tilsynskonferencen 2027." in response.content.decode()


def test_leaving_a_meeting_waiting_list_from_the_page(world, member, as_user):
    meeting = make_meeting(world["closed"]["group"], capacity=1)
    registration.register(world["closed"]["moderator"], meeting, email=False)
    own = registration.register(member, meeting, email=False)

    as_user(member).post(cancel_url("moede", own.pk))

    own.refresh_from_db()
    assert own.status == CANCELLED


@pytest.mark.parametrize("method", ["get", "post"])
def test_another_persons_registration_is_not_found(method, member, others, make_event, as_user):
    theirs = registration.register(others[0], make_event(capacity=5), email=False)

    response = getattr(as_user(member), method)(cancel_url("arrangement", theirs.pk))

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == CONFIRMED


@pytest.mark.parametrize("kind", ["moede", "ukendt"])
def test_an_id_under_the_wrong_kind_is_not_found(kind, member, make_event, as_user):
    own = registration.register(member, make_event(capacity=5), email=False)

    assert as_user(member).post(cancel_url(kind, own.pk)).status_code == 404
    assert EventRegistration.objects.get(pk=own.pk).status == CONFIRMED


def test_meetings_of_groups_one_can_no_longer_read_are_neither_listed_nor_cancellable(
    world, as_user
):
    removed = world["closed"]["removed"]
    meeting = make_meeting(world["closed"]["group"], title="Lukket møde")
    stale = MeetingRegistration.objects.create(event=meeting, user=removed, status=CONFIRMED)
    client = as_user(removed)

    assert "Lukket møde" not in client.get(URL).content.decode()
    assert client.post(cancel_url("moede", stale.pk)).status_code == 404


def test_a_started_event_cannot_be_cancelled_from_the_page(member, make_event, as_user):
    conference = make_event(capacity=5, days_ahead=-1, hours=48)
    own = EventRegistration.objects.create(event=conference, user=member, status=CONFIRMED)
    client = as_user(member)

    assert cancel_url("arrangement", own.pk) not in client.get(URL).content.decode()
    response = client.post(cancel_url("arrangement", own.pk), follow=True)

    assert "Arrangementet er begyndt" in response.content.decode()
    own.refresh_from_db()
    assert own.status == CONFIRMED


def test_the_account_menu_links_the_page(member, as_user):
    assert f'href="{URL}"' in as_user(member).get("/konto/profil/").content.decode()


def test_the_page_takes_the_same_queries_for_many_registrations(
    world, member, make_event, as_user, django_assert_max_num_queries
):
    client = as_user(member)
    registration.register(member, make_event(capacity=5), email=False)
    with django_assert_max_num_queries(40) as few:
        client.get(URL)
    for days in range(10, 15):
        registration.register(
            member, make_event(f"Temadag {days}", days_ahead=days, capacity=5), email=False
        )
        registration.register(
            member, make_meeting(world["closed"]["group"], days_ahead=days), email=False
        )

    with django_assert_max_num_queries(len(few)):
        client.get(URL)


def test_lists_events_behind_a_log_in_or_the_users_group_but_not_behind_a_password(
    member, make_event, as_user
):
    titles = {"login": "Kun for indloggede", "groups": "Kun for medlemmer", "password": "Lukket"}
    for kind, title in titles.items():
        event = make_event(title, capacity=10, days_ahead=20)
        restriction = PageViewRestriction.objects.create(
            page=event, restriction_type=kind, password="hemmelig" if kind == "password" else ""
        )
        if kind == "groups":
            restriction.groups.add(Group.objects.get(name=roles.MEMBER))
        registration.register(member, event, email=False)

    content = as_user(member).get(URL).content.decode()

    assert titles["login"] in content and titles["groups"] in content
    assert titles["password"] not in content
