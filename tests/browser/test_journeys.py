"""What a reader does: follow links from the home page to guidance, search, use the keyboard."""

import re

import pytest
from module_site import shared_portal_site, shared_tab  # noqa: F401
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_reader_finds_guidance_by_topic_and_then_by_search(tab, portal_site):
    tab.goto("/")
    expect(tab.locator("h1")).to_have_text("Tilsynsportalen")

    tab.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Vejledning").click()
    expect(tab).to_have_url(re.compile(f"{portal_site.guidance_index.url}$"))
    tab.get_by_role("link", name=portal_site.topic.name, exact=True).click()
    expect(tab.locator("h1")).to_have_text(portal_site.topic.name)

    tab.get_by_role("link", name="Styringsdialogens årshjul").click()
    expect(tab.locator("h1")).to_have_text("Styringsdialogens årshjul")
    expect(tab.get_by_role("cell", name="Indkaldelse")).to_be_visible()
    expect(tab.get_by_role("columnheader", name="Opgave")).to_be_visible()
    breadcrumbs = tab.get_by_role("navigation", name="Brødkrumme")
    expect(breadcrumbs.get_by_role("link")).to_have_text(["Forside", "Vejledning"])

    search_box = tab.get_by_role("searchbox", name="Søg på Tilsynsportalen").first
    search_box.fill("styringsrapporten")
    search_box.press("Enter")
    expect(tab.locator("#results-heading")).to_contain_text("resultat")
    expect(tab.locator("#id_q")).to_have_value("styringsrapporten")
    tab.locator(".search-results").get_by_role("link", name="Styringsrapporten").click()
    expect(tab.locator("h1")).to_have_text("Styringsrapporten")


def test_related_guidance_link_leads_to_the_related_page(tab, portal_site):
    tab.goto(portal_site.guidance_page.url)

    related = tab.get_by_role("navigation", name="Relateret vejledning")
    related.get_by_role("link", name="Styringsrapporten").click()

    expect(tab.locator("h1")).to_have_text("Styringsrapporten")


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(tab, portal_site):
    tab.goto(portal_site.guidance_page.url)

    tab.keyboard.press("Tab")
    focused = tab.locator(":focus")
    expect(focused).to_have_text("Gå til sidens indhold")
    expect(focused).to_be_visible()

    tab.keyboard.press("Enter")
    expect(tab.locator(":focus")).to_have_id("main-content")
    # The next Tab stop is inside the main content, not back in the header.
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.closest('main') !== null")


def test_accordion_opens_with_the_keyboard(tab, portal_site):
    tab.goto(portal_site.guidance_page.url)
    button = tab.get_by_role("button", name="Hvornår holdes mødet?")
    expect(button).to_have_attribute("aria-expanded", "false")

    button.focus()
    tab.keyboard.press("Enter")

    expect(button).to_have_attribute("aria-expanded", "true")
    expect(tab.get_by_text("Én gang om året.")).to_be_visible()
