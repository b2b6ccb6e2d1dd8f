"""The data download's HTML summary reads well in Chromium: no axe-core violation and nothing
wider than a phone's screen."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from portal import roles
from portal.accounts import data_summary, personal_data
from portal.models import AccessRequest, Municipality
from tests.browser.test_accessibility import violation_report

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("width", [1280, 375])
def test_the_summary_has_no_axe_violations_and_fits_the_screen(browser, make_user, width):
    person = make_user(roles.MEMBER, email="maja.medlem@kk.dk", first_name="Maja")
    AccessRequest.objects.create(
        user=person, municipality=Municipality.objects.get(code=101), motivation="Jeg fører tilsyn"
    )
    html = data_summary.render(person, personal_data.export(person), [])
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="da-DK")
    tab = context.new_page()

    tab.set_content(html)

    assert tab.locator("html").get_attribute("lang") == "da"
    assert tab.get_by_role("heading", level=1).inner_text() == "Dine data fra Tilsynsportalen"
    assert tab.get_by_role("cell", name="Jeg fører tilsyn").is_visible()
    assert not tab.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    violations = Axe().run(tab).response["violations"]
    context.close()
    assert not violations, violation_report(violations)
