"""Mentioning by name in Chromium, keyboard only, at 1280 and 375 px: typing "@Bo" in a reply
suggests the people who may read the (secret) group and nobody else; arrow down and Enter insert
the mention, which renders as the name linking to the person. axe-core finds nothing with the
suggestions open, nor on the person page and the delete confirmation."""

import re
import uuid

import pytest
from accounts_fixtures import create_user
from axe_playwright_python.sync_playwright import Axe
from module_site import additions_removed, shared_tab  # noqa: F401
from page_tree import make_home
from playwright.sync_api import expect
from screenshots import keep_screenshot
from test_accessibility import violation_report
from test_network_hostile import log_in

from network import posting
from network.choices import GroupKind
from network.models import Follow, Group, Notification, NotificationKind, Reply, ThreadVisit
from portal import roles
from tests.network.conftest import add_member

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="module")
def shared_steering(module_live_server):
    """A secret group: Ida writes, Bo Vestergaard and Bodil Borup read; Bo Outsider, a network
    member elsewhere, may not read it. Built once for the module."""
    make_home()
    group = Group.objects.create(
        name="Styregruppen for tilsynsnetværket", slug="styregruppen", kind=GroupKind.SECRET
    )
    ida = create_user(roles.MEMBER, municipality_code=101, first_name="Ida", last_name="Nørgaard")
    bo = create_user(
        roles.MEMBER,
        municipality_code=751,
        first_name="Bo",
        last_name="Vestergaard",
        title="Tilsynschef",
    )
    bodil = create_user(roles.MEMBER, municipality_code=461, first_name="Bodil", last_name="Borup")
    create_user(roles.MEMBER, first_name="Bo", last_name="Outsider")
    for person in (ida, bo, bodil):
        add_member(group, person)
    thread = posting.start_thread(
        ida, group, title="Årsplan 2027", body="Udkastet er klar.", token=uuid.uuid4()
    )
    return {"group": group, "thread": thread, "ida": ida, "bo": bo}


@pytest.fixture
def steering(shared_steering):
    """The module's group; the replies, notifications, follows and visits of the test are gone
    after it."""
    with additions_removed(Reply, Notification, Follow, ThreadVisit):
        yield shared_steering


def axe_clean(tab, name):
    violations = Axe().run(tab).response["violations"]
    assert not violations, f"{name}\n{violation_report(violations)}"


def no_overflow(tab):
    return tab.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


@pytest.mark.parametrize("width", [1280, 375])
def test_typing_at_bo_and_choosing_by_keyboard_mentions_bo(tab, steering, width):
    tab.set_viewport_size({"width": width, "height": 900})
    log_in(tab, steering["ida"])
    tab.goto(steering["thread"].get_absolute_url())
    body = tab.get_by_label("Dit svar")
    expect(body).to_have_attribute("aria-controls", "mention-suggestions")

    body.focus()
    tab.keyboard.type("Hej @Bo")
    suggestions = tab.get_by_role("listbox", name="Personer, du kan nævne")
    expect(suggestions).to_be_visible()
    options = suggestions.get_by_role("option")
    expect(options).to_have_count(2)
    expect(options.first).to_contain_text("Bo Vestergaard · Tilsynschef, Aarhus")
    expect(options.nth(1)).to_contain_text("Bodil Borup")
    expect(suggestions).not_to_contain_text("Outsider")
    expect(tab.get_by_role("status").filter(has_text="Personer fundet: 2")).to_be_attached()
    assert no_overflow(tab)
    axe_clean(tab, f"suggestions open at {width}")
    suggestions.scroll_into_view_if_needed()
    keep_screenshot(tab, f"mention-suggestions-{width}", full_page=False)

    tab.keyboard.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    expect(body).to_have_attribute("aria-activedescendant", "mention-suggestions-0")
    tab.keyboard.press("Enter")
    expect(suggestions).to_be_hidden()
    bo = steering["bo"]
    expect(body).to_have_value(f"Hej @[Bo Vestergaard](bruger:{bo.pk}) ")
    tab.keyboard.type("kan du se på det?")
    tab.get_by_role("button", name="Send svar").press("Enter")

    mention = tab.get_by_role("link", name="@Bo Vestergaard")
    expect(mention).to_be_visible()
    expect(mention).to_have_attribute(
        "href", re.compile(rf"/netvaerk/styregruppen/personer/{bo.pk}/$")
    )
    assert Notification.objects.filter(recipient=bo, kind=NotificationKind.MENTION).count() == 1
    keep_screenshot(tab, f"mention-thread-{width}")

    mention.press("Enter")
    expect(tab.get_by_role("heading", level=1)).to_have_text("Bo Vestergaard")
    assert no_overflow(tab)
    axe_clean(tab, f"person page at {width}")
    keep_screenshot(tab, f"mention-person-{width}")

    tab.go_back()
    tab.get_by_role("link", name="Slet").last.press("Enter")
    expect(tab.get_by_role("heading", level=1)).to_have_text("Slet indlæg")
    assert no_overflow(tab)
    axe_clean(tab, f"delete confirmation at {width}")
    keep_screenshot(tab, f"mention-delete-{width}")


def test_escape_closes_the_suggestions_and_enter_then_makes_a_new_line(tab, steering):
    log_in(tab, steering["ida"])
    tab.goto(steering["thread"].get_absolute_url())
    body = tab.get_by_label("Dit svar")
    body.focus()
    tab.keyboard.type("@Bod")
    suggestions = tab.get_by_role("listbox", name="Personer, du kan nævne")
    expect(suggestions.get_by_role("option")).to_have_count(1)

    tab.keyboard.press("Escape")
    tab.keyboard.press("Enter")

    expect(suggestions).to_be_hidden()
    expect(body).to_have_value("@Bod\n")
