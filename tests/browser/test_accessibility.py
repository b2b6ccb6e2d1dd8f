"""axe-core finds no violation on any page type a reader sees, and every page is in Danish."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.django_db(transaction=True)

PAGE_TYPES = {
    "home": lambda site: site.home.url,
    "guidance index": lambda site: site.guidance_index.url,
    "topic": lambda site: site.topic_url,
    "guidance page": lambda site: site.guidance_page.url,
    "search results": lambda site: "/soeg/?q=styringsdialog",
    "search with an error": lambda site: "/soeg/?q=styringsdialog&topic=findes-ikke",
    "news index": lambda site: site.news_index.url,
    "news page": lambda site: site.news_page.url,
    "publication index": lambda site: site.publication_index.url,
    "publication page": lambda site: site.publication_page.url,
    "event index": lambda site: site.event_index.url,
    "event page": lambda site: site.event_page.url,
    "not found": lambda site: "/findes-ikke/",
}


def violation_report(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    {node['target']}  {node['html'][:160]}")
    return "\n".join(lines)


def test_every_page_type_has_no_axe_violations(tab, portal_site):
    axe = Axe()
    failures = {}
    for name, url_of in PAGE_TYPES.items():
        tab.goto(url_of(portal_site))
        assert tab.locator("html").get_attribute("lang") == "da", name
        violations = axe.run(tab).response["violations"]
        if violations:
            failures[name] = violation_report(violations)

    assert not failures, "\n".join(f"== {name}\n{report}" for name, report in failures.items())
