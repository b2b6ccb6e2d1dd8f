"""The flag-rule editor in a Danish Chromium: only the chosen kind's parameters, a threshold
typed "6,0" saved as six, a preview before saving, and no axe-core violations."""

import pytest
from accounts_fixtures import create_user, session_cookie
from axe_playwright_python.sync_playwright import Axe
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from monitoring_fixtures import build_monitoring_data, create_vacancy_rule
from page_tree import make_home
from playwright.sync_api import expect
from test_accessibility import violation_report

from monitoring.migrations import _frozen
from monitoring.models import FlagRule
from portal import roles

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="module")
def editor_session(module_live_server):
    """The monitoring data, the default rules and the editors' permission on them (put back
    after the last flush), and an editor signed in once for the module: R03 as installed, and
    the editor's session cookie."""
    make_home()
    build_monitoring_data(create_vacancy_rule())
    _frozen.install_default_rules(apps)
    Group.objects.get(name=roles.EDITOR).permissions.add(
        *Permission.objects.filter(codename__in=["add_flagrule", "change_flagrule"])
    )
    editor = create_user(roles.EDITOR, mfa=True)
    return FlagRule.objects.get(code="R03"), session_cookie(editor, module_live_server)


@pytest.fixture
def rule_editor(module_tab, editor_session):
    """An editor's tab on R03's edit form, R03 as installed whatever an earlier test saved."""
    installed, cookie = editor_session
    FlagRule.objects.filter(pk=installed.pk).update(red_threshold=installed.red_threshold)
    module_tab.context.add_cookies([cookie])
    module_tab.goto(reverse("wagtailsnippets_monitoring_flagrule:edit", args=[installed.pk]))
    return module_tab, FlagRule.objects.get(pk=installed.pk)


# The rules of WCAG 2.1 A and AA. Wagtail's snippet edit view has no h1 (its title is no heading
# element), which only axe's best-practice rule "page-has-heading-one" reports.
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def section_heading(tab, text):
    return tab.locator("[data-panel-heading-text]", has_text=text)


def test_only_the_chosen_kinds_parameters_are_shown(rule_editor):
    tab, _rule = rule_editor

    assert tab.get_by_label("Grænse for rød (%)").is_visible()
    assert not tab.get_by_label("Percentil for gul").is_visible()
    assert not section_heading(tab, "Manglende indberetning").is_visible()

    tab.get_by_label("Type").select_option("missing")

    expect(section_heading(tab, "Manglende indberetning")).to_be_visible()
    expect(tab.get_by_label("Frist for regnskabet (måneder efter årets udgang)")).to_be_visible()
    expect(tab.get_by_label("Grænse for rød (%)")).to_be_hidden()


@pytest.mark.parametrize("typed", ["6,0", "6.0"])
def test_a_threshold_typed_in_a_danish_browser_is_saved_as_six(rule_editor, typed):
    tab, rule = rule_editor
    threshold = tab.get_by_label("Grænse for rød (%)")
    threshold.fill("")
    threshold.press_sequentially(typed)

    tab.get_by_role("button", name="Vis virkningen").click()
    result = tab.locator("[data-rule-preview-output] .rule-preview__result")
    result.wait_for(timeout=60_000)
    assert "Med den nye grænse:" in result.inner_text()

    tab.get_by_role("button", name="Gem").click()
    tab.wait_for_url("**/flagrule/")
    assert "er gemt som en ny version" in tab.locator(".messages").inner_text()
    rule.refresh_from_db()
    assert rule.red_threshold == 6


@pytest.mark.parametrize("width", [1280, 375])
def test_the_rule_editor_has_no_axe_violations(rule_editor, width):
    tab, _rule = rule_editor
    tab.set_viewport_size({"width": width, "height": 900})
    tab.get_by_role("button", name="Vis virkningen").click()
    tab.locator("[data-rule-preview-output] .rule-preview__result").wait_for(timeout=60_000)

    violations = Axe().run(tab, options=WCAG_21_AA).response["violations"]

    assert not violations, violation_report(violations)
