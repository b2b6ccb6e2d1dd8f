"""Events: the index, the programme, registration with a waiting list, e-mails and calendars."""

import datetime
import threading

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone
from icalendar import Calendar

from events import registration
from events.models import RegistrationStatus
from guidance.models import EventSession, Speaker
from portal import roles

pytestmark = [pytest.mark.django_db, pytest.mark.page_tree_once("event_index")]

CONFIRMED, WAITING, CANCELLED = (
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITING,
    RegistrationStatus.CANCELLED,
)


@pytest.fixture
def members(make_user):
    return [make_user(roles.MEMBER) for _ in range(4)]


def test_index_lists_upcoming_events_first_and_past_events_apart(client, make_event):
    make_event("Netværksmøde om styringsdialog", days_ahead=60)
    make_event("Tilsynskonferencen 2025", days_ahead=-300)

    response = client.get("/arrangementer/")

    upcoming, past = response.content.decode().split("Afholdte arrangementer")
    assert "Netværksmøde om styringsdialog" in upcoming
    assert "Tilsynskonferencen 2025" in past and "Tilsynskonferencen 2025" not in upcoming


def test_event_page_shows_programme_speakers_slides_and_recordings(
    client, make_event, make_document
):
    event = make_event()
    speaker = Speaker.objects.create(name="Mette Holm", organisation="Aarhus Kommune")
    session = EventSession.objects.create(
        page=event,
        start=event.start,
        end=event.start + datetime.timedelta(minutes=45),
        title="Sådan læser vi styringsrapporten",
        slides=make_document(title="Oplæg om styringsrapporten", name="oplaeg.pdf"),
        recording_url="https://vimeo.com/76979871",
    )
    session.speakers.add(speaker)
    session.save()  # a parental many-to-many is written on save

    content = client.get(event.url).content.decode()

    assert "Sådan læser vi styringsrapporten" in content
    assert "Mette Holm (Aarhus Kommune)" in content
    assert "Slides: Oplæg om styringsrapporten" in content
    assert "https://vimeo.com/76979871" in content


def test_registration_confirms_until_full_then_waits(make_event, members):
    event = make_event(capacity=2)

    outcomes = [registration.register(user, event) for user in members[:3]]

    assert [o.status for o in outcomes] == [CONFIRMED, CONFIRMED, WAITING]
    assert registration.seat_status(event).is_full
    assert registration.waiting_position(outcomes[2]) == 1


def test_confirmation_email_carries_the_event_as_icalendar(
    make_event, members, django_capture_on_commit_callbacks, settings
):
    settings.WAGTAILADMIN_BASE_URL = "https://tilsyn.example.dk"
    event = make_event(capacity=5)

    with django_capture_on_commit_callbacks(execute=True):
        registration.register(members[0], event)

    (message,) = mail.outbox
    assert message.to == [members[0].email]
    assert event.title in message.subject
    name, content, mimetype = message.attachments[0]
    assert (name, mimetype) == ("arrangement.ics", "text/calendar")
    (vevent,) = Calendar.from_ical(content).walk("VEVENT")
    assert str(vevent["summary"]) == event.title
    assert vevent.decoded("dtstart") == event.start
    # Links lead to the portal's public address, not to the host the site was set up with.
    event_link = f"https://tilsyn.example.dk{event.url}"
    assert str(vevent["url"]) == event_link and event_link in message.body


def test_registration_without_email_registers_and_sends_nothing(
    make_event, members, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        outcomes = [registration.register(user, event, email=False) for user in members[:2]]

    assert [o.status for o in outcomes] == [CONFIRMED, WAITING]
    assert callbacks == [] and mail.outbox == []


def test_cancelling_a_seat_promotes_the_first_on_the_waiting_list(
    make_event, members, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    first, second, third = (registration.register(user, event) for user in members[:3])

    with django_capture_on_commit_callbacks(execute=True):
        registration.cancel(first)

    second.refresh_from_db(), third.refresh_from_db()
    assert (second.status, third.status) == (CONFIRMED, WAITING)
    (message,) = mail.outbox
    assert message.to == [members[1].email] and "fået en plads" in message.subject
    assert message.attachments, "the promoted user gets the calendar file"


def test_leaving_the_waiting_list_promotes_nobody(make_event, members):
    event = make_event(capacity=1)
    confirmed, waiting = (registration.register(user, event) for user in members[:2])

    registration.cancel(waiting)

    confirmed.refresh_from_db()
    assert confirmed.status == CONFIRMED
    assert registration.seat_status(event).waiting == 0


def test_raising_the_capacity_promotes_the_waiting_list(make_event, members):
    event = make_event(capacity=1)
    waiting = [registration.register(user, event) for user in members[:3]][1:]

    event.capacity = 2
    event.save_revision().publish()

    statuses = [type(r).objects.get(pk=r.pk).status for r in waiting]
    assert statuses == [CONFIRMED, WAITING]


def test_an_email_that_no_longer_applies_is_not_sent(make_event, members):
    """The task re-reads the registration: a seat cancelled before it runs gets no e-mail."""
    event = make_event(capacity=5)
    confirmed = registration.register(members[0], event)
    registration.cancel(confirmed)

    registration.send_registration_email.call(confirmed._meta.label, confirmed.pk, "confirmed")

    assert mail.outbox == []


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"capacity": None}, "ikke tilmelding"),
        ({"capacity": 5, "days_ahead": -1}, "allerede begyndt"),
        (
            {"capacity": 5, "registration_deadline": timezone.now() - datetime.timedelta(hours=1)},
            "Tilmeldingsfristen udløb",
        ),
    ],
)
def test_closed_registration_is_refused_with_a_reason(make_event, members, fields, message):
    event = make_event(**fields)

    with pytest.raises(registration.RegistrationError) as error:
        registration.register(members[0], event)

    assert message in error.value.message
    assert not event.registrations.exists()


def test_registering_twice_is_refused(make_event, members):
    event = make_event(capacity=5)
    registration.register(members[0], event)

    with pytest.raises(registration.RegistrationError, match="allerede tilmeldt"):
        registration.register(members[0], event)
    assert event.registrations.count() == 1


def test_reader_registers_and_cancels_through_the_page(client, make_event, members, login):
    event = make_event(capacity=1)
    login(client, members[0])

    response = client.post(f"/arrangementer/{event.pk}/tilmeld/", follow=True)
    assert "Du er tilmeldt" in response.content.decode()

    response = client.post(f"/arrangementer/{event.pk}/afmeld/", follow=True)
    assert "Du er afmeldt" in response.content.decode()
    assert event.registrations.get().status == CANCELLED


def test_anonymous_reader_is_sent_to_log_in(client, make_event):
    event = make_event(capacity=5)

    response = client.post(f"/arrangementer/{event.pk}/tilmeld/")

    assert response.status_code == 302 and response["Location"].startswith("/konto/login/")
    assert not event.registrations.exists()


def test_restricted_event_is_not_found_by_those_it_is_hidden_from(client, make_event, make_private):
    event = make_private(make_event(capacity=5))

    assert client.get(f"/arrangementer/{event.pk}/kalender.ics").status_code == 404
    assert client.post(f"/arrangementer/{event.pk}/tilmeld/").status_code == 404
    assert event.title.encode() not in client.get("/arrangementer/kalender.ics").content


def test_calendar_feed_holds_upcoming_public_events_with_stable_uids(client, make_event):
    event = make_event()
    make_event("Gammelt seminar", days_ahead=-400)

    first = Calendar.from_ical(client.get("/arrangementer/kalender.ics").content)
    second = Calendar.from_ical(client.get("/arrangementer/kalender.ics").content)

    (vevent,) = first.walk("VEVENT")
    assert str(vevent["summary"]) == event.title
    assert [str(e["uid"]) for e in second.walk("VEVENT")] == [str(vevent["uid"])]
    assert first.walk("VTIMEZONE"), "times carry their time zone"


def test_end_before_start_is_refused(make_event):
    event = make_event()
    event.end = event.start - datetime.timedelta(hours=1)

    with pytest.raises(Exception, match="slutte"):
        event.full_clean()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL; CI runs it there"
)
@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_for_the_last_seat_never_overbook(
    migrated_db, reference_data, make_event, members
):
    event = make_event(capacity=1)
    barrier = threading.Barrier(len(members))
    errors = []

    def register(user):
        try:
            barrier.wait()
            registration.register(user, event)
        except Exception as error:  # collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(user,)) for user in members]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert event.registrations.filter(status=CONFIRMED).count() == 1
    assert event.registrations.filter(status=WAITING).count() == len(members) - 1
