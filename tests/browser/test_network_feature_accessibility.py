"""axe-core finds no violation on the network's later features as a member and a moderator see
them: notifications and unsubscribing, reports and moderation, attachments and hidden posts, the
document library and meetings, with and without errors."""

import uuid
from urllib.parse import urlsplit

import pytest
from accounts_fixtures import create_user
from axe_playwright_python.sync_playwright import Axe
from django.test import override_settings
from module_site import additions_removed, shared_tab  # noqa: F401
from page_tree import make_home
from playwright.sync_api import expect
from test_network_accessibility import submit_empty, violations_on
from test_network_hostile import log_in

from events import registration
from network import (
    following,
    library,
    moderation,
    notifications,
    posting,
    reporting,
    unsubscribe,
)
from network.choices import MembershipRole, MembershipStatus
from network.files import uploads
from network.models import Group, Notification, ReportReason, ThreadVisit
from portal import roles
from tests.network.conftest import add_member
from tests.network.file_samples import HTML, docx, pdf, png, upload, xlsx
from tests.network.meeting_factory import make_meeting

pytestmark = pytest.mark.django_db(transaction=True)


def checked(name, content):
    return uploads.check(upload(name, content))


def reply(author, thread, body, *files):
    return posting.reply(author, thread, body=body, token=uuid.uuid4(), files=files)


@pytest.fixture(scope="module")
def shared_busy_group(module_live_server, tmp_path_factory):
    """An open group with a moderator and two members: a thread with files, a reply hidden by
    the moderator and an open report, notifications read and unread, documents in folders, a
    meeting with an agenda, and a removed and a banned person on the members page; built once
    for the module, its files in a folder of the module's."""
    files = tmp_path_factory.mktemp("network-files")
    with override_settings(NETWORK_FILES_ROOT=files):
        yield {**build_busy_group(), "files": files}


@pytest.fixture
def busy_group(shared_busy_group, settings):
    """The module's group, its files where it stored them; the visits a test makes are gone
    after it."""
    settings.NETWORK_FILES_ROOT = shared_busy_group["files"]
    with additions_removed(ThreadVisit):
        yield shared_busy_group


def build_busy_group():
    make_home()
    group = Group.objects.create(
        name="ERFA Region Nordjylland",
        slug="erfa-nordjylland",
        description="Erfaringsudveksling mellem tilsynene i Region Nordjylland.",
    )
    moderator = create_user(roles.MEMBER, municipality_code=851, first_name="Mette")
    member = create_user(roles.MEMBER, municipality_code=773, first_name="Jonas")
    other = create_user(roles.MEMBER, municipality_code=813, first_name="Sofie")
    add_member(group, moderator, role=MembershipRole.MODERATOR)
    add_member(group, member)
    add_member(group, other)
    add_member(group, create_user(roles.MEMBER, first_name="Rasmus"), MembershipStatus.REMOVED)
    add_member(group, create_user(roles.MEMBER, first_name="Bente"), MembershipStatus.BANNED)
    following.follow(member, group)

    thread = posting.start_thread(
        moderator,
        group,
        title="Budget og regnskab 2026",
        body="Se bilagene, @Jonas.",
        token=uuid.uuid4(),
        files=[checked("Budget 2026.pdf", pdf()), checked("Oversigt.xlsx", xlsx())],
    )
    following.follow(member, thread)
    shown = reply(other, thread, "Her er vores skema.", checked("Skema.png", png()))
    hidden = reply(other, thread, "Et svar med personoplysninger.", checked("Liste.docx", docx()))
    moderation.hide(moderator, hidden, reason="Personoplysninger")
    reply(moderator, thread, "Tak for skemaet.")
    reporting.report(
        member, shown, reason=ReportReason.OFF_TOPIC, details="Hører til et andet sted."
    )
    reporting.report(member, thread, reason=ReportReason.SPAM)
    notifications.mark_read(Notification.objects.filter(recipient=member, reply=None))

    for name, content, folder in (
        ("Referat marts.pdf", pdf(), "Referater"),
        ("Vejledning.docx", docx(), ""),
        ("Årshjul.pdf", pdf(), "Skabeloner"),
    ):
        library.add_document(member, group, checked(name, content), folder=folder)
    meeting = make_meeting(
        group, capacity=20, agenda_markdown="1. Velkomst\n2. Budgetter\n3. Eventuelt"
    )
    registration.register(moderator, meeting)
    return {
        "group": group,
        "thread": thread,
        "shown": shown,
        "meeting": meeting,
        "member": member,
        "moderator": moderator,
    }


def assert_no_violations(tab, pages):
    failures = violations_on(tab, Axe(), pages)
    assert not failures, "\n".join(f"== {name}\n{report}" for name, report in failures.items())


def shows(tab, url, *texts):
    """An action that opens `url` and checks it is the page meant: each text is on it."""

    def open_page():
        tab.goto(url)
        for text in texts:
            expect(tab.locator("main").get_by_text(text).first).to_be_visible()

    return open_page


def upload_disguised(tab, url):
    """A web page wearing a PDF's name, through the real upload form."""
    tab.goto(url)
    tab.get_by_label("Fil").set_input_files(
        {"name": "Referat.pdf", "mimeType": "application/pdf", "buffer": HTML}
    )
    tab.get_by_role("button", name="Læg dokumentet op").click()
    expect(tab.locator(".error-summary")).to_be_visible()


def unsubscribe_path(user):
    return urlsplit(unsubscribe.link(user, unsubscribe.Scope.ALL)).path


def test_a_members_pages_for_notifications_files_and_meetings_have_no_axe_violations(
    tab, busy_group
):
    member, group = busy_group["member"], busy_group["group"]
    assert Notification.objects.filter(recipient=member, read_at=None).exists()
    assert Notification.objects.filter(recipient=member).exclude(read_at=None).exists()
    thread_url = busy_group["thread"].get_absolute_url()
    report_url = f"/netvaerk/{group.slug}/svar/{busy_group['shown'].pk}/anmeld/"
    library_url = f"/netvaerk/{group.slug}/dokumenter/"
    meeting = busy_group["meeting"]
    pages = {
        "unsubscribe, valid link": shows(tab, unsubscribe_path(member), "Ja, frameld"),
        "unsubscribe, refused link": shows(
            tab, "/netvaerk/afmeld/forfalsket/", "Linket til framelding er ugyldigt"
        ),
    }
    log_in(tab, member)
    pages |= {
        "notification centre, read and unread": shows(
            tab, "/netvaerk/notifikationer/", "Ulæst:", "Markér alle som læst"
        ),
        "thread with files and a hidden reply": shows(
            tab, thread_url, "Budget 2026.pdf", "Skema.png", "Skjult af en moderator"
        ),
        "report form": shows(tab, report_url, "Hvorfor anmelder du indlægget?"),
        "report form with an error": lambda: submit_empty(tab, report_url, "Send anmeldelsen"),
        "document library with folders": shows(
            tab, library_url, "Referat marts.pdf", "Skabeloner", "Uden mappe"
        ),
        "upload form": shows(tab, f"{library_url}ny/", "Læg et dokument op"),
        "upload form with a disguised file": lambda: upload_disguised(tab, f"{library_url}ny/"),
        "meeting list": shows(tab, f"/netvaerk/{group.slug}/moeder/", meeting.title),
        "meeting page with registration": shows(
            tab, f"/netvaerk/{group.slug}/moeder/{meeting.pk}/", "Tilmelding", "Dagsorden"
        ),
    }

    assert_no_violations(tab, pages)
    tab.goto(thread_url)
    expect(tab.get_by_text("Liste.docx")).to_have_count(0)


def test_a_moderators_pages_for_moderation_and_meetings_have_no_axe_violations(tab, busy_group):
    group = busy_group["group"]
    log_in(tab, busy_group["moderator"])
    moderation_url = f"/netvaerk/{group.slug}/moderering/"
    new_meeting_url = f"/netvaerk/{group.slug}/moeder/nyt/"
    pages = {
        "moderation queue with open reports": shows(
            tab, moderation_url, "Hører til et andet sted.", "Spam eller reklame"
        ),
        "moderation log": shows(tab, f"{moderation_url}log/", "Personoplysninger"),
        "moderation members": shows(tab, f"{moderation_url}medlemmer/", "Rasmus", "Bente"),
        "my queues": shows(tab, "/netvaerk/moderering/", "2 åbne anmeldelser"),
        "thread with files and a hidden reply": shows(
            tab,
            busy_group["thread"].get_absolute_url(),
            "Liste.docx",
            "Kun moderatorer ser teksten.",
        ),
        "meeting form": shows(tab, new_meeting_url, "Planlæg et møde"),
        "meeting form with errors": lambda: submit_empty(tab, new_meeting_url, "Gem mødet"),
    }

    assert_no_violations(tab, pages)
