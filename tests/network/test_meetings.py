"""Meeting pages: who reaches each URL in every kind of group, planning, the group page, the
calendar file and what a page costs in queries."""

import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar

from network.choices import GroupKind
from network.models import Meeting
from portal import roles
from tests.network.conftest import add_member
from tests.network.meeting_factory import NO_QUESTIONS, make_meeting
from tests.network.test_access import RELATIONS, reads, request_and_roll_back
from tests.network.test_network_query_counts import queries_for, warm

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings(world):
    """A coming meeting with an agenda in each group of the world."""
    return {
        kind: make_meeting(
            world[kind]["group"],
            title=f"Fortroligt møde {kind}",
            agenda_markdown=f"Dagsordenspunkt {kind}",
            capacity=10,
        )
        for kind in GroupKind.values
    }


def meeting_expectations(group, meeting, reader, moderator):
    """(method, URL, status, redirect prefix) for every meeting URL."""
    base = f"/netvaerk/{group.slug}/moeder/"
    at = f"{base}{meeting.pk}/"

    def content(ok, status=200, to=None):
        return (status, to) if ok else (404, None)

    return [
        ("get", base, content(reader)),
        ("get", f"{base}nyt/", content(moderator)),
        ("get", at, content(reader)),
        ("get", f"{at}rediger/", content(moderator)),
        ("post", f"{at}tilmeld/", content(reader, 302, at)),
        ("post", f"{at}afmeld/", content(reader, 302, at)),
        ("get", f"{at}kalender.ics", content(reader)),
    ]


@pytest.mark.parametrize("relation", RELATIONS)
@pytest.mark.parametrize("kind", GroupKind.values)
def test_every_meeting_url(world, meetings, as_user, kind, relation):
    user = world["outsider"] if relation == "outsider" else world[kind][relation]
    client = as_user(user)
    meeting, reader = meetings[kind], reads(kind, relation)
    secrets = [meeting.title, meeting.agenda_markdown]

    failures = []
    for method, url, (status, location) in meeting_expectations(
        world[kind]["group"], meeting, reader, relation == "moderator"
    ):
        response = request_and_roll_back(client, method, url, {})
        if response.status_code != status or (
            location and not response["Location"].startswith(location)
        ):
            failures.append((method, url, response.status_code, response.get("Location")))
        if not reader and any(secret in response.content.decode() for secret in secrets):
            failures.append((method, url, "leaks"))

    assert failures == []


def test_anonymous_visitors_are_sent_to_log_in(world, meetings, client):
    meeting = meetings["open"]
    for url in (f"/netvaerk/open/moeder/{meeting.pk}/", "/netvaerk/open/moeder/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/konto/login/")


def test_a_meeting_guessed_under_another_groups_address_is_not_found(world, meetings, as_user):
    client = as_user(world["open"]["member"])
    secret = meetings["secret"]

    response = client.get(f"/netvaerk/open/moeder/{secret.pk}/")

    assert response.status_code == 404
    assert secret.title not in response.content.decode()


def test_styrelse_plans_meetings_only_in_groups_it_may_read(world, meetings, editor, client, login):
    login(client, editor)

    assert client.get("/netvaerk/open/moeder/nyt/").status_code == 200
    assert client.get(f"/netvaerk/open/moeder/{meetings['open'].pk}/rediger/").status_code == 200
    assert client.get("/netvaerk/closed/moeder/nyt/").status_code == 404
    add_member(world["closed"]["group"], editor)
    assert client.get("/netvaerk/closed/moeder/nyt/").status_code == 200


def meeting_form(**changes):
    start = timezone.localtime() + datetime.timedelta(days=14)
    data = {
        "title": "ERFA-møde om styringsdialog",
        "start": start.strftime("%Y-%m-%dT10:00"),
        "end": start.strftime("%Y-%m-%dT15:00"),
        "place": "Rådhuset, lokale 3",
        "video_url": "",
        "agenda_markdown": "1. Velkomst\n2. **Styringsdialog**\n\n<script>alert(1)</script>",
        "material_markdown": "[Slides](https://example.org/slides.pdf)",
        "capacity": "",
        "registration_deadline": "",
        **NO_QUESTIONS,
    }
    return {**data, **changes}


def test_moderator_plans_a_meeting_with_a_sanitised_agenda(world, as_user):
    moderator = world["closed"]["moderator"]
    client = as_user(moderator)

    response = client.post("/netvaerk/closed/moeder/nyt/", meeting_form())

    meeting = Meeting.objects.get(title="ERFA-møde om styringsdialog")
    assert response.status_code == 302 and response["Location"] == meeting.get_absolute_url()
    assert (meeting.group, meeting.created_by, meeting.capacity) == (
        world["closed"]["group"],
        moderator,
        None,
    )
    assert timezone.localtime(meeting.start).hour == 10, "times are read as Danish time"
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "<strong>Styringsdialog</strong>" in page
    assert "<script>alert(1)</script>" not in page
    assert 'href="https://example.org/slides.pdf"' in page
    assert "Der er ingen grænse for antallet af deltagere." in page


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"end": "2020-01-01T09:00"}, "end", "slutte, efter"),
        ({"place": "", "video_url": ""}, "place", "Angiv et sted"),
        ({"registration_deadline": "2099-01-01T09:00"}, "registration_deadline", "før mødet"),
    ],
)
def test_an_impossible_meeting_is_refused_in_danish(world, as_user, changes, field, message):
    client = as_user(world["open"]["moderator"])

    response = client.post("/netvaerk/open/moeder/nyt/", meeting_form(**changes))

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Meeting.objects.exists()


def test_a_member_who_is_not_moderator_cannot_plan(world, as_user):
    client = as_user(world["open"]["member"])

    response = client.post("/netvaerk/open/moeder/nyt/", meeting_form())

    assert response.status_code == 404
    assert not Meeting.objects.exists()


def test_editing_changes_the_meeting(world, meetings, as_user):
    meeting = meetings["secret"]
    client = as_user(world["secret"]["moderator"])

    client.post(
        f"/netvaerk/secret/moeder/{meeting.pk}/rediger/",
        meeting_form(title="Flyttet møde", video_url="https://teams.example.org/m/1"),
    )

    meeting.refresh_from_db()
    assert (meeting.title, meeting.video_url) == ("Flyttet møde", "https://teams.example.org/m/1")


def test_group_page_shows_upcoming_meetings_to_readers_only(world, meetings, as_user):
    past = make_meeting(world["closed"]["group"], title="Sidste års møde", days_ahead=-300)

    member_view = as_user(world["closed"]["member"]).get("/netvaerk/closed/").content.decode()
    applicant_view = as_user(world["closed"]["requested"]).get("/netvaerk/closed/")

    assert "Kommende møder" in member_view and meetings["closed"].title in member_view
    assert past.title not in member_view
    assert meetings["closed"].title not in applicant_view.content.decode()


def test_group_page_shows_a_planned_moved_or_deleted_meeting_at_once(world, as_user):
    """The upcoming meetings are a fragment under the group's generation, which meetings move."""
    client = as_user(world["open"]["member"])

    def shown():
        return client.get("/netvaerk/open/").content.decode()

    assert "Der er ingen kommende møder." in shown()
    meeting = make_meeting(world["open"]["group"], title="Første ERFA-møde")
    assert "Første ERFA-møde" in shown()
    meeting.title = "Flyttet ERFA-møde"
    meeting.save()
    page = shown()
    assert "Flyttet ERFA-møde" in page and "Første ERFA-møde" not in page
    meeting.delete()
    assert "Der er ingen kommende møder." in shown()


def test_meeting_list_puts_past_meetings_apart(world, meetings, as_user):
    make_meeting(world["open"]["group"], title="Afholdt ERFA-møde", days_ahead=-30)

    content = as_user(world["open"]["member"]).get("/netvaerk/open/moeder/").content.decode()

    upcoming, past = content.split("Afholdte møder")
    assert meetings["open"].title in upcoming and "Afholdt ERFA-møde" not in upcoming
    assert "Afholdt ERFA-møde" in past


def test_calendar_file_parses_with_a_stable_uid_in_danish_time(world, meetings, as_user):
    meeting = meetings["open"]
    client = as_user(world["open"]["member"])
    url = f"/netvaerk/open/moeder/{meeting.pk}/kalender.ics"

    first, second = client.get(url), client.get(url)

    assert first["Content-Type"].startswith("text/calendar")
    assert first["Content-Disposition"] == f'attachment; filename="moede-{meeting.pk}.ics"'
    calendars = [Calendar.from_ical(r.content) for r in (first, second)]
    (vevent,) = calendars[0].walk("VEVENT")
    assert str(vevent["summary"]) == meeting.title
    assert vevent.decoded("dtstart") == meeting.start
    assert vevent["dtstart"].params["TZID"] == "Europe/Copenhagen"
    assert str(vevent["location"]) == meeting.place
    assert str(vevent["url"]).endswith(meeting.get_absolute_url())
    assert {str(c.walk("VEVENT")[0]["uid"]) for c in calendars} == {
        f"network-meeting-{meeting.pk}@tilsynsportalen.dk"
    }


def test_a_meeting_page_costs_the_same_with_more_attendees(world, meetings, make_user, as_user):
    from events import registration

    meeting = meetings["open"]
    client = as_user(world["open"]["moderator"])
    url = meeting.get_absolute_url()
    warm(client, url)
    before, _response = queries_for(client, url)

    for code in (101, 751, 461, 851, 147, 101, 751):
        attendee = make_user(roles.MEMBER, municipality_code=code, title="Tilsynskonsulent")
        add_member(meeting.group, attendee)
        registration.register(attendee, meeting)

    after, response = queries_for(client, url)
    assert after == before
    assert response.content.decode().count("Tilsynskonsulent") == 7


def test_a_meeting_list_and_group_page_cost_the_same_with_more_meetings(world, as_user):
    client = as_user(world["open"]["member"])
    group = world["open"]["group"]
    make_meeting(group, days_ahead=-90), make_meeting(group, days_ahead=1)
    for url in ("/netvaerk/open/moeder/", "/netvaerk/open/"):
        warm(client, url)
    before = [queries_for(client, url)[0] for url in ("/netvaerk/open/moeder/", "/netvaerk/open/")]

    for days in (-60, -30, 3, 10, 20, 40):
        make_meeting(group, days_ahead=days)
    warm(client, "/netvaerk/open/")  # a meeting moves the group's generation: fragments anew

    after = [queries_for(client, url)[0] for url in ("/netvaerk/open/moeder/", "/netvaerk/open/")]
    assert after == before
