"""The Content-Security-Policy holds in Chromium: the main pages, the Wagtail admin's page editor
included, load and run without a single violation."""

import pytest
from test_network_hostile import SETTLED

from network.models import Group, Thread
from portal import roles

pytestmark = pytest.mark.django_db(transaction=True)

RECORD_VIOLATIONS = """
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
        window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
"""


def test_main_pages_raise_no_policy_violation(
    signed_in_tab,
    portal_site,
    monitoring_data,
    make_user,
):
    editor = make_user([roles.EDITOR, roles.MEMBER], mfa=True)
    group = Group.objects.create(name="Tilsynsnetværket", slug="tilsyn")
    thread = Thread.objects.create(
        group=group, author=editor, title="Beboerdemokrati", body_markdown="**Hvordan** gør I?"
    )
    tab = signed_in_tab(editor)
    tab.set_default_timeout(60_000)  # the admin's editor loads many scripts on a busy machine
    console = []
    tab.on("console", lambda message: console.append(message.text))
    tab.add_init_script(RECORD_VIOLATIONS)
    pages = [
        "/",
        portal_site.guidance_page.url,
        thread.get_absolute_url(),
        "/monitorering/landet/",
        "/monitorering/organisation/0042/?aar=2024",
        f"/admin/pages/{portal_site.guidance_page.pk}/edit/",
    ]

    for url in pages:
        response = tab.goto(url)
        if url.startswith("/admin/"):
            tab.wait_for_load_state("networkidle")  # the editor fetches more after its load
        else:
            tab.evaluate(SETTLED)  # what the page's scripts do just after its load
        assert response.status == 200, url
        assert response.headers["content-security-policy"], url
        assert tab.evaluate("window.__violations") == [], url
    assert [text for text in console if "Content Security Policy" in text] == []
