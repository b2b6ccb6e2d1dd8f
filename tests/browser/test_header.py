"""The design system's header in Chromium on a desktop and a phone: the mobile menu opens and is
used from the keyboard, nothing is wider than a phone's screen, the user's menu holds profile,
notifications and log-out, the breadcrumbs read as a trail, and axe-core finds nothing."""

import pytest
from accounts_fixtures import create_user, session_cookie
from axe_playwright_python.sync_playwright import Axe
from module_site import shared_portal_site, shared_tab  # noqa: F401
from monitoring_fixtures import build_monitoring_data, create_vacancy_rule
from playwright.sync_api import expect
from test_accessibility import violation_report

from network.models import Group, Thread
from portal import roles
from tests.network.conftest import add_member

pytestmark = pytest.mark.django_db(transaction=True)

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}

# Visible elements whose right edge lies beyond the viewport, unless an ancestor scrolls or
# clips them (a wide table in its scroll box is fine; a page that scrolls sideways is not).
OVERFLOWING = """
() => {
    const width = document.documentElement.clientWidth;
    const clipped = (element) => {
        for (let node = element.parentElement; node; node = node.parentElement) {
            if (getComputedStyle(node).overflowX !== "visible") return true;
        }
        return false;
    };
    const found = [];
    for (const element of document.body.querySelectorAll("*")) {
        const box = element.getBoundingClientRect();
        if (box.width > 1 && box.right > width + 1 && !clipped(element)) {
            found.push(`${element.tagName.toLowerCase()}.${element.className} right=${Math.round(box.right)}`);
        }
    }
    if (document.documentElement.scrollWidth > width) found.push(`page ${document.documentElement.scrollWidth}px wide`);
    return found;
}
"""


@pytest.fixture(scope="module")
def header_world(module_live_server, module_portal_site):
    """A caseworker of København who is a network member, signed in once for the module (the
    session cookie), and the five pages the header is checked on."""
    build_monitoring_data(create_vacancy_rule())
    caseworker = create_user(
        [roles.CASEWORKER, roles.MEMBER], municipality_code=101, mfa=True, first_name="Ida"
    )
    group = Group.objects.create(
        name="Tilsynsnetværket", slug="tilsyn", description="Erfaringer fra tilsynene."
    )
    add_member(group, caseworker)
    thread = Thread.objects.create(
        group=group, author=caseworker, title="Beboerdemokrati", body_markdown="Hvordan gør I?"
    )
    return session_cookie(caseworker, module_live_server), {
        "home": "/",
        "guidance page": module_portal_site.guidance_page.url,
        "network index": "/netvaerk/",
        "thread": thread.get_absolute_url(),
        "monitoring dashboard": "/monitorering/?aar=2024",
    }


@pytest.fixture
def header_pages(tab, header_world):
    cookie, pages = header_world
    tab.context.add_cookies([cookie])
    return tab, pages


@pytest.fixture
def own_log_in(tab, module_live_server):
    """A caseworker of København of their own, signed in on the tab, for a test that logs out."""
    caseworker = create_user([roles.CASEWORKER, roles.MEMBER], municipality_code=101, mfa=True)
    tab.context.add_cookies([session_cookie(caseworker, module_live_server)])
    return tab


def test_the_menu_opens_and_is_used_from_the_keyboard_on_a_phone(tab, portal_site):
    tab.set_viewport_size(PHONE)
    tab.goto(portal_site.guidance_page.url)
    menu_button = tab.get_by_role("button", name="Menu", exact=True)
    expect(menu_button).to_be_visible()
    expect(tab.locator(".navigation-menu .nav")).to_be_hidden()

    # Skip link, the publisher's name, then the menu button.
    for _ in range(3):
        tab.keyboard.press("Tab")
    expect(menu_button).to_be_focused()
    tab.keyboard.press("Enter")

    drawer = tab.get_by_role("dialog", name="Menu")
    expect(drawer).to_be_visible()
    expect(drawer.get_by_role("button", name="Luk menu")).to_be_focused()
    tab.keyboard.press("Tab")
    link = drawer.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Vejledning")
    expect(link).to_be_focused()
    expect(link).to_have_attribute("aria-current", "true")

    tab.keyboard.press("Escape")
    expect(drawer).to_be_hidden()
    expect(menu_button).to_be_focused()

    tab.keyboard.press("Enter")
    tab.keyboard.press("Tab")
    tab.keyboard.press("Enter")
    expect(tab).to_have_url(f"{tab.url.split('/vejledning/')[0]}{portal_site.guidance_index.url}")


def test_the_menu_button_is_only_on_small_screens(tab, portal_site):
    tab.set_viewport_size(DESKTOP)
    tab.goto("/")

    expect(tab.get_by_role("button", name="Menu", exact=True)).to_be_hidden()
    main_menu = tab.get_by_role("navigation", name="Hovedmenu")
    expect(main_menu.get_by_role("link", name="Vejledning")).to_be_visible()
    expect(tab.get_by_role("search").get_by_label("Søg på Tilsynsportalen")).to_be_visible()
    expect(tab.get_by_role("link", name="Log ind")).to_be_visible()


def test_nothing_is_wider_than_a_phone(header_pages):
    tab, pages = header_pages
    tab.set_viewport_size(PHONE)
    overflowing = {}
    for name, url in pages.items():
        tab.goto(url)
        assert "/konto/" not in tab.url, f"{name} sent the reader to {tab.url}"
        found = tab.evaluate(OVERFLOWING)
        if found:
            overflowing[name] = found

    assert not overflowing, overflowing


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
def test_header_pages_have_no_axe_violations(header_pages, viewport):
    tab, pages = header_pages
    tab.set_viewport_size(viewport)
    axe = Axe()
    failures = {}
    for name, url in pages.items():
        tab.goto(url)
        assert "/konto/" not in tab.url, f"{name} sent the reader to {tab.url}"
        violations = axe.run(tab).response["violations"]
        if violations:
            failures[name] = violation_report(violations)

    assert not failures, "\n".join(f"== {name}\n{report}" for name, report in failures.items())


def test_the_drawer_has_no_axe_violations_when_open(header_pages):
    tab, pages = header_pages
    tab.set_viewport_size(PHONE)
    tab.goto(pages["thread"])
    tab.get_by_role("button", name="Menu", exact=True).click()
    expect(tab.get_by_role("dialog", name="Menu")).to_be_visible()

    violations = Axe().run(tab).response["violations"]

    assert not violations, violation_report(violations)


def test_the_user_menu_holds_profile_notifications_and_log_out(own_log_in):
    tab = own_log_in
    tab.set_viewport_size(DESKTOP)
    tab.goto("/")
    menu = tab.locator("#user-menu")
    expect(menu).to_be_hidden()

    tab.get_by_role("button", name="Din konto").click()

    expect(menu).to_be_visible()
    expect(menu.get_by_role("link", name="Min profil")).to_be_visible()
    expect(menu.get_by_role("link", name="Notifikationer")).to_be_visible()
    expect(menu.get_by_role("link", name="Monitorering")).to_be_visible()
    menu.get_by_role("button", name="Log ud").click()
    expect(tab.get_by_role("link", name="Log ind")).to_be_visible()


def test_breadcrumbs_name_each_step_once(header_pages):
    tab, pages = header_pages
    tab.goto(pages["monitoring dashboard"])
    trail = tab.get_by_role("navigation", name="Brødkrumme")

    expect(trail.get_by_role("link")).to_have_text(["Forside"])
    expect(trail.get_by_role("listitem")).to_have_text(["Forside", "Monitorering"])
    items = trail.get_by_role("listitem")
    # One line: the steps stand side by side, not as a numbered list.
    assert items.first.bounding_box()["y"] == items.last.bounding_box()["y"]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
def test_checkboxes_are_drawn_beside_their_labels(tab, viewport, portal_site):
    tab.set_viewport_size(viewport)
    tab.goto("/konto/login/")
    box = tab.get_by_label("Husk mig")
    label = tab.locator("label", has_text="Husk mig")

    box_at, label_at = box.bounding_box(), label.bounding_box()

    assert abs(box_at["x"] - label_at["x"]) < 2
    assert label_at["y"] <= box_at["y"] <= label_at["y"] + label_at["height"]
    box.focus()
    tab.keyboard.press("Space")
    expect(box).to_be_checked()
