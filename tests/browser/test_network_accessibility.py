"""axe-core finds no violation on the network pages a member and a moderator see: the list of
networks, a group, a long thread with quotes and a solution, and the forms, with and without
errors."""

import uuid

import pytest
from accounts_fixtures import create_user
from axe_playwright_python.sync_playwright import Axe
from module_site import shared_tab  # noqa: F401
from page_tree import make_home
from playwright.sync_api import expect
from test_accessibility import violation_report
from test_network_hostile import log_in

from network import posting
from network.choices import GroupKind, MembershipRole, MembershipStatus
from network.models import Group
from portal import roles
from tests.network.conftest import add_member

pytestmark = pytest.mark.django_db(transaction=True)

REPLIES = 30  # more than a page, so the thread paginates


@pytest.fixture(scope="module")
def erfa(module_live_server):
    """An open ERFA group with a moderator, a member, an applicant and a thread of 30 replies
    (quotes, a solution); a closed group the member is not in. Built once: the tests only read
    it (the forms they submit are refused)."""
    make_home()
    group = Group.objects.create(
        name="ERFA Region Midtjylland",
        slug="erfa-midtjylland",
        description="Erfaringsudveksling mellem tilsynene i Region Midtjylland.",
    )
    Group.objects.create(
        name="Økonomi og regnskab",
        slug="oekonomi",
        kind=GroupKind.CLOSED,
        description="Regnskaber, budgetter og revision.",
    )
    moderator = create_user(
        roles.MEMBER, municipality_code=751, first_name="Mette", title="Tilsynschef"
    )
    member = create_user(
        roles.MEMBER, municipality_code=461, first_name="Jonas", title="Tilsynskonsulent"
    )
    add_member(group, moderator, role=MembershipRole.MODERATOR)
    add_member(group, member)
    add_member(group, create_user(roles.MEMBER), status=MembershipStatus.REQUESTED)
    thread = posting.start_thread(
        member,
        group,
        title="Hvordan læser I styringsrapportens nøgletal?",
        body="Vi er i tvivl om **huslejeniveauet**. Se [vejledningen](https://example.org/).",
        token=uuid.uuid4(),
    )
    previous = None
    for number in range(REPLIES):
        author = moderator if number % 2 else member
        previous = posting.reply(
            author,
            thread,
            body=f"Svar {number}: vi sammenligner med *landsgennemsnittet*.\n\n- én\n- to",
            token=uuid.uuid4(),
            quoted=previous if number % 5 == 4 else None,
        )
        if number == 3:
            posting.toggle_solution(member, thread, previous)
    return {"group": group, "thread": thread, "member": member, "moderator": moderator}


def violations_on(tab, axe, pages):
    """{page name: report} for every page with violations; each page is a URL or an action."""
    failures = {}
    for name, open_page in pages.items():
        open_page()
        assert "/konto/" not in tab.url, f"{name} sent the reader to {tab.url}"
        assert tab.locator("html").get_attribute("lang") == "da", name
        violations = axe.run(tab).response["violations"]
        if violations:
            failures[name] = violation_report(violations)
    return failures


def submit_empty(tab, url, button):
    tab.goto(url)
    tab.get_by_role("button", name=button).click()
    expect(tab.locator(".error-summary")).to_be_visible()


def invite_unknown(tab, group):
    tab.goto(group.get_absolute_url())
    tab.get_by_label("E-mailadresse").fill("ukendt@example.org")
    tab.get_by_role("button", name="Inviter").click()
    expect(tab.get_by_text("Ingen bruger har den e-mailadresse.")).to_be_visible()


def test_a_members_network_pages_have_no_axe_violations(tab, erfa):
    log_in(tab, erfa["member"])
    group, thread = erfa["group"], erfa["thread"]
    thread_url = thread.get_absolute_url()
    new_thread_url = f"/netvaerk/{group.slug}/traad/ny/"
    pages = {
        "network index": lambda: tab.goto("/netvaerk/"),
        "group page": lambda: tab.goto(group.get_absolute_url()),
        "closed group, not a member": lambda: tab.goto("/netvaerk/oekonomi/"),
        "thread page with replies": lambda: tab.goto(thread_url),
        "thread page 2, quoting": lambda: tab.goto(f"{thread_url}?side=2&citer={REPLIES}"),
        "new-thread form": lambda: tab.goto(new_thread_url),
        "new-thread form with errors": lambda: submit_empty(tab, new_thread_url, "Opret tråden"),
        "reply form with errors": lambda: submit_empty(tab, thread_url, "Send svar"),
        "edit form": lambda: tab.goto(f"/netvaerk/{group.slug}/traad/{thread.pk}/rediger/"),
    }

    failures = violations_on(tab, Axe(), pages)

    assert not failures, "\n".join(f"== {name}\n{report}" for name, report in failures.items())


def test_a_moderators_network_pages_have_no_axe_violations(tab, erfa):
    log_in(tab, erfa["moderator"])
    group = erfa["group"]
    pages = {
        "group page with requests and invitation": lambda: tab.goto(group.get_absolute_url()),
        "thread page with moderation": lambda: tab.goto(erfa["thread"].get_absolute_url()),
        "invitation of an unknown address": lambda: invite_unknown(tab, group),
    }

    failures = violations_on(tab, Axe(), pages)

    assert not failures, "\n".join(f"== {name}\n{report}" for name, report in failures.items())
