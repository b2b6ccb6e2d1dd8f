"""Registering for a conference with answers and cancelling from "Mine tilmeldinger", as a
member does it in Chromium; the registration pages at 1280 and 375 px have no axe violation and
nothing wider than the screen."""

import re

import page_tree
import pytest
from accounts_fixtures import create_user
from axe_playwright_python.sync_playwright import Axe
from module_site import additions_removed, shared_tab  # noqa: F401
from playwright.sync_api import expect
from screenshots import keep_screenshot
from test_accessibility import violation_report
from test_header import DESKTOP, OVERFLOWING, PHONE
from test_network_hostile import log_in

from events import registration
from events.models import QuestionKind
from guidance.models import EventQuestion, EventRegistration
from network.choices import MembershipRole
from network.models import Group, Meeting, MeetingQuestion, MeetingRegistration, Notification
from portal import roles
from tests.network.conftest import add_member
from tests.network.meeting_factory import make_meeting

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="module")
def shared_conference(module_live_server):
    """A full conference asking three questions, a meeting asking one, a theme day, and the
    people of the tests (who log in once for the module): built once."""
    event_index = page_tree.event_index(page_tree.make_home())
    event = page_tree.make_event(event_index, "Tilsynskonferencen 2027", capacity=2)
    questions = [
        ("Deltager du fysisk eller online?", QuestionKind.ONE_CHOICE, "Fysisk\nOnline", True),
        ("Kost", QuestionKind.SEVERAL_CHOICES, "Vegetar\nGlutenfri\nLaktosefri", False),
        ("Behov for tilgængelighed", QuestionKind.TEXT, "", False),
    ]
    for order, (label, kind, choices, required) in enumerate(questions):
        EventQuestion.objects.create(
            event=event,
            sort_order=order,
            label=label,
            kind=kind,
            choices=choices,
            required=required,
        )
    group = Group.objects.create(name="ERFA Midtjylland", slug="erfa-midt")
    moderator = create_user(roles.MEMBER, first_name="Mette", last_name="Holm")
    add_member(group, moderator, role=MembershipRole.MODERATOR)
    meeting = make_meeting(group, title="ERFA-møde om styringsdialog", capacity=1)
    MeetingQuestion.objects.create(
        event=meeting,
        label="Kost",
        kind=QuestionKind.ONE_CHOICE,
        choices="Vegetar\nAlt",
        required=True,
    )
    waiting = create_user(roles.MEMBER, first_name="Sofie", last_name="Lund")
    add_member(group, waiting)
    return {
        "event": event,
        "meeting": meeting,
        "moderator": moderator,
        "registering": create_user(roles.MEMBER, first_name="Jonas", last_name="Bach"),
        "waiting": waiting,
        "others": [create_user(roles.MEMBER) for _ in range(2)],
        "theme day": page_tree.make_event(
            event_index, "Temadag om beboerdemokrati", days_ahead=50, capacity=30
        ),
    }


@pytest.fixture
def conference(shared_conference):
    """The module's conference; the registrations and meetings a test makes are gone after it."""
    with additions_removed(Meeting, MeetingRegistration, EventRegistration, Notification):
        yield shared_conference


@pytest.fixture
def signed_in_tab(tab):
    """`signed_in_tab(user)`: the module's tab signed in as `user`, who logs in once (`log_in`)."""
    return lambda user: log_in(tab, user)


def test_a_member_registers_with_answers_and_cancels_from_mine_tilmeldinger(
    signed_in_tab, conference
):
    event = conference["event"]
    member = conference["registering"]
    tab = signed_in_tab(member)
    tab.set_viewport_size(DESKTOP)
    tab.goto(event.url)

    tab.get_by_label("Online").check()
    tab.get_by_label("Vegetar").check()
    tab.get_by_label("Behov for tilgængelighed").fill("Høreslynge")
    tab.get_by_role("button", name="Tilmeld dig").click()

    expect(tab.get_by_text("Du er tilmeldt Tilsynskonferencen 2027.")).to_be_visible()
    assert EventRegistration.objects.get(user=member).answers == [
        {"question": "Deltager du fysisk eller online?", "answer": "Online"},
        {"question": "Kost", "answer": ["Vegetar"]},
        {"question": "Behov for tilgængelighed", "answer": "Høreslynge"},
    ]

    tab.get_by_role("button", name="Din konto").click()
    tab.locator("#user-menu").get_by_role("link", name="Mine tilmeldinger").click()
    expect(tab.get_by_role("heading", name="Mine tilmeldinger")).to_be_visible()
    expect(tab.get_by_text("Tilmeldt", exact=True)).to_be_visible()
    tab.get_by_role("link", name=re.compile("^Afmeld dig.*Tilsynskonferencen 2027$")).click()
    expect(tab.get_by_text("Din plads går til den første på ventelisten")).to_be_visible()
    tab.get_by_role("button", name="Ja, afmeld mig").click()

    expect(tab.get_by_text("Du er afmeldt Tilsynskonferencen 2027.")).to_be_visible()
    expect(tab.get_by_text("Afmeldt", exact=True)).to_be_visible()
    assert EventRegistration.objects.get(user=member).status == registration.CANCELLED


@pytest.fixture
def registration_pages(signed_in_tab, conference):
    """A member waiting for the conference, with a cancelled registration to a second event,
    and the pages they and the meeting's moderator see, each as an action on the tab."""
    event, meeting = conference["event"], conference["meeting"]
    member = conference["waiting"]
    for other in conference["others"]:
        registration.register(other, event, email=False)
    own = registration.register(
        member, event, answers=[{"question": "Kost", "answer": ["Vegetar"]}], email=False
    )
    registration.cancel(registration.register(member, conference["theme day"], email=False))
    tab = signed_in_tab(member)
    meeting_url = meeting.get_absolute_url()
    return tab, {
        "event page, on the waiting list": lambda: tab.goto(event.url),
        "meeting page with a required question": lambda: tab.goto(meeting_url),
        "registration form with errors": lambda: submit_unanswered(tab, meeting_url),
        "mine tilmeldinger": lambda: tab.goto("/konto/tilmeldinger/"),
        "leave the waiting list": lambda: tab.goto(
            f"/konto/tilmeldinger/arrangement/{own.pk}/afmeld/"
        ),
        "moderator's meeting form with questions": lambda: (
            signed_in_tab(conference["moderator"]),
            tab.goto(f"{meeting_url}rediger/"),
        ),
    }


def submit_unanswered(tab, url):
    tab.goto(url)
    tab.get_by_role("button", name="Tilmeld dig").click()
    expect(tab.locator(".error-summary")).to_be_visible()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
def test_registration_pages_have_no_axe_violations_and_fit_the_screen(registration_pages, viewport):
    tab, pages = registration_pages
    tab.set_viewport_size(viewport)
    axe = Axe()
    failures = {}
    for name, open_page in pages.items():
        open_page()
        assert "/konto/login" not in tab.url, name
        problems = violation_report(axe.run(tab).response["violations"])
        overflowing = tab.evaluate(OVERFLOWING)
        if problems or overflowing:
            failures[name] = f"{problems}\noverflow: {overflowing}"

    assert not failures, "\n".join(f"== {name}\n{report}" for name, report in failures.items())


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
def test_a_planner_sets_two_questions_in_one_save(signed_in_tab, conference, viewport):
    tab = signed_in_tab(conference["moderator"])
    tab.set_viewport_size(viewport)
    tab.goto(f"{conference['meeting'].group.get_absolute_url()}moeder/nyt/")
    tab.locator("[name=title]").fill("Temamøde om henlæggelser")
    tab.locator("[name=start]").fill("2030-03-04T10:00")
    tab.locator("[name=end]").fill("2030-03-04T14:00")
    tab.locator("[name=place]").fill("Rådhuset, lokale 3")
    first, second = tab.locator("fieldset.meeting-question").all()[:2]
    first.locator("[name$=-label]").fill("Deltager du fysisk eller online?")
    first.locator("[name$=-kind]").select_option(label="Ét valg")
    first.locator("[name$=-choices]").fill("Fysisk\nOnline")
    second.locator("[name$=-label]").fill("Bemærkninger")
    keep_screenshot(tab, f"registrations-meeting-form-{viewport['width']}")
    tab.get_by_role("button", name="Gem mødet").click()

    expect(tab.get_by_text("Mødet er gemt.")).to_be_visible()
    meeting = conference["meeting"].group.meetings.get(title="Temamøde om henlæggelser")
    assert [q.label for q in meeting.questions.all()] == [
        "Deltager du fysisk eller online?",
        "Bemærkninger",
    ]
