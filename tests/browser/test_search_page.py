"""The search page in Chromium: suggestions are a combobox worked by keyboard alone, axe-core
finds nothing with them open, and the page fits a phone for anonymous readers, members and
caseworkers."""

import re
import uuid

import pytest
from accounts_fixtures import create_user, session_cookie
from axe_playwright_python.sync_playwright import Axe
from module_site import shared_portal_site, shared_signed_in_tab, shared_tab  # noqa: F401
from monitoring_fixtures import make_organisation
from playwright.sync_api import expect
from screenshots import keep_screenshot
from test_accessibility import violation_report

from network import posting
from network.models import Group
from portal import roles
from tests.network.conftest import add_member

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = (1280, 375)


@pytest.fixture(scope="module")
def search_world(module_live_server, module_portal_site):
    """A member's thread and a caseworker's organisation; their log-ins, made once."""
    member = create_user(roles.MEMBER)
    group = Group.objects.create(name="ERFA Hovedstaden", slug="erfa-hovedstaden")
    add_member(group, member)
    posting.start_thread(
        member,
        group,
        title="Styringsdialog med små boligorganisationer",
        body="Hvordan forbereder I styringsdialogen, når organisationen kun har to afdelinger?",
        token=uuid.uuid4(),
    )
    make_organisation(101, name="Boligselskabet Styrkan", estates=2)
    caseworker = create_user([roles.CASEWORKER, roles.MEMBER], municipality_code=101, mfa=True)
    return {
        "member": session_cookie(member, module_live_server),
        "caseworker": session_cookie(caseworker, module_live_server),
    }


@pytest.fixture
def searchable(search_world, tab):
    # The machine is shared: a first render can take longer than the default ten seconds.
    tab.set_default_timeout(60_000)
    return search_world


def suggestions_open(tab, typed="styr"):
    field = tab.get_by_role("combobox", name="Søg på Tilsynsportalen")
    field.fill("")
    field.press_sequentially(typed)
    expect(tab.get_by_role("listbox")).to_be_visible(timeout=30_000)
    expect(field).to_have_attribute("aria-expanded", "true")
    return field


def test_suggestions_work_by_keyboard_and_axe_finds_nothing_with_them_open(tab, searchable):
    tab.goto("/soeg/?q=styringsdialog")
    field = suggestions_open(tab)

    options = tab.get_by_role("option")
    assert options.count() >= 2
    assert "Boligselskabet Styrkan" not in tab.get_by_role("listbox").inner_text()
    field.press("ArrowDown")
    first = options.nth(0)
    expect(first).to_have_attribute("aria-selected", "true")
    expect(field).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    violations = Axe().run(tab).response["violations"]
    assert not violations, violation_report(violations)

    field.press("Escape")
    expect(tab.get_by_role("listbox")).to_be_hidden()
    expect(field).to_have_attribute("aria-expanded", "false")
    field.press("ArrowDown")
    field.press("ArrowDown")
    expected = tab.get_by_role("option").nth(1).get_attribute("data-url")
    field.press("Enter")
    expect(tab).to_have_url(re.compile(re.escape(expected) + "$"))


def test_a_caseworker_is_offered_their_organisations(signed_in_tab, searchable):
    tab = signed_in_tab(searchable["caseworker"])
    tab.goto("/soeg/")

    suggestions_open(tab)

    expect(
        tab.get_by_role("option", name="Boligselskabet Styrkan · Organisationer")
    ).to_be_visible()


@pytest.mark.parametrize("reader", ["anonymous", "member", "caseworker"])
def test_the_page_fits_every_width_in_danish(signed_in_tab, tab, searchable, reader):
    if reader != "anonymous":
        tab = signed_in_tab(searchable[reader])
    axe = Axe()
    for width in WIDTHS:
        tab.set_viewport_size({"width": width, "height": 900})
        tab.goto("/soeg/?q=styringsdialog")
        assert tab.locator("html").get_attribute("lang") == "da"
        overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (reader, width, overflow)
        violations = axe.run(tab).response["violations"]
        assert not violations, violation_report(violations)
        keep_screenshot(tab, f"search-{reader}-{width}")
