"""A caseworker's monitoring pages in Chromium: axe-core finds nothing, the charts have tables."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from monitoring_fixtures import assess_all, build_big_organisation, raise_flag
from playwright.sync_api import expect
from test_accessibility import violation_report

from portal import roles

pytestmark = pytest.mark.django_db(transaction=True)


def pages(data):
    flag = data["flag"]
    return {
        "dashboard": "/monitorering/?aar=2024",
        "organisation": "/monitorering/organisation/0042/?aar=2024",
        "estate": "/monitorering/organisation/0042/afdeling/001/?aar=2024",
        "flag": f"/monitorering/flag/{flag.pk}/",
    }


def test_caseworker_pages_have_no_axe_violations(signed_in_tab, make_user, monitoring_data):
    caseworker = make_user([roles.CASEWORKER], municipality_code=101, mfa=True)
    tab = signed_in_tab(caseworker)
    axe = Axe()
    failures = {}
    for name, url in pages(monitoring_data).items():
        tab.goto(url)
        assert "/konto/" not in tab.url, f"{name} sent the caseworker to {tab.url}"
        violations = axe.run(tab).response["violations"]
        if violations:
            failures[name] = violation_report(violations)

    assert not failures, "\n".join(f"== {name}\n{report}" for name, report in failures.items())


def test_national_view_has_no_axe_violations(signed_in_tab, make_user, monitoring_data):
    tab = signed_in_tab(make_user(roles.EDITOR, mfa=True))

    tab.goto("/monitorering/landet/?aar=2024")

    assert tab.locator("h1").inner_text() == "Landsbillede"
    violations = axe.run(tab).response["violations"] if (axe := Axe()) else []
    assert not violations, violation_report(violations)


def test_chart_numbers_open_from_the_keyboard(signed_in_tab, make_user, monitoring_data):
    tab = signed_in_tab(make_user([roles.CASEWORKER], municipality_code=101, mfa=True))
    tab.goto("/monitorering/organisation/0042/afdeling/001/?aar=2024")
    table = tab.locator("figure.figure-chart details table")
    assert not table.is_visible()

    tab.locator("figure.figure-chart summary").first.focus()
    tab.keyboard.press("Enter")

    assert table.first.is_visible()
    assert "7,5" in table.first.inner_text()


@pytest.mark.parametrize("width", [1280, 375])
def test_cases_show_their_years_in_danish_on_desktop_and_phone(
    signed_in_tab, make_user, monitoring_data, vacancy_rule, width, tmp_path
):
    earlier = raise_flag(vacancy_rule, monitoring_data["estate"], 2020, value=6.1)
    raise_flag(vacancy_rule, monitoring_data["estate"], 2021, previous=earlier, value=6.2)
    tab = signed_in_tab(make_user([roles.CASEWORKER], municipality_code=101, mfa=True))
    tab.set_viewport_size({"width": width, "height": 900})

    tab.goto("/monitorering/organisation/0042/afdeling/001/?aar=2024")
    tab.screenshot(path=tmp_path / f"estate-{width}.png", full_page=True)
    estate_page = tab.locator("main").inner_text()
    tab.goto(f"/monitorering/flag/{monitoring_data['flag'].pk}/")
    tab.screenshot(path=tmp_path / f"flag-{width}.png", full_page=True)
    flag_page = tab.locator("main").inner_text()

    assert "Fortsat siden 2023" in estate_page and "Sag 2020–2021" in estate_page
    assert "Sager fra andre år" in estate_page
    assert "Fortsat siden 2023" in flag_page and "flaget 2023–2024" in flag_page
    assert tab.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", [1280, 375])
def test_a_big_organisation_page_fits_the_screen_without_axe_violations(
    signed_in_tab, make_user, monitoring_data, vacancy_rule, width, tmp_path
):
    build_big_organisation(vacancy_rule)
    assess_all()
    tab = signed_in_tab(make_user([roles.CASEWORKER], municipality_code=101, mfa=True))
    tab.set_viewport_size({"width": width, "height": 900})

    tab.goto("/monitorering/organisation/0050/?aar=2024")
    tab.screenshot(path=tmp_path / f"organisation-{width}.png", full_page=True)

    assert tab.evaluate("document.documentElement.scrollWidth") <= width
    newest = tab.locator(".figure-table tbody tr").first.locator("td").first
    assert newest.is_visible() and newest.bounding_box()["x"] + 20 < width
    assert tab.locator(".estate-table tbody tr").count() == 25
    height = tab.evaluate("document.documentElement.scrollHeight")
    assert height < (6000 if width == 1280 else 14000), height
    violations = Axe().run(tab).response["violations"]
    assert not violations, violation_report(violations)


def test_estates_are_searched_and_paged_without_script(
    signed_in_tab, make_user, monitoring_data, vacancy_rule
):
    build_big_organisation(vacancy_rule)
    tab = signed_in_tab(make_user([roles.CASEWORKER], municipality_code=101, mfa=True))
    tab.goto("/monitorering/organisation/0050/?aar=2024")

    tab.get_by_label("Søg afdeling").fill("Bebyggelse 11")
    tab.get_by_role("button", name="Vis afdelinger").click()

    rows = tab.locator(".estate-table tbody th")
    flagged_first = (113, 11, 110, 111, 112, 114, 115, 116, 117, 118, 119)
    assert rows.all_inner_texts() == [f"{n:03d} Bebyggelse {n}" for n in flagged_first]
    assert "#afdelinger" in tab.url
    tab.get_by_label("Søg afdeling").fill("")
    tab.get_by_label("Kun afdelinger med flag").check()
    tab.get_by_role("button", name="Vis afdelinger").click()
    tab.get_by_role("link", name="Næste").click()
    assert "Afdeling 26–36 af 36" in tab.locator("main").inner_text()


@pytest.mark.parametrize("width", [1280, 375])
def test_cases_are_followed_up_together_in_the_browser(
    signed_in_tab, make_user, monitoring_data, vacancy_rule, width, tmp_path
):
    build_big_organisation(vacancy_rule)
    tab = signed_in_tab(make_user([roles.CASEWORKER], municipality_code=101, mfa=True))
    tab.set_viewport_size({"width": width, "height": 900})
    tab.goto("/monitorering/organisation/0050/sager/?aar=2024")

    violations = Axe().run(tab).response["violations"]
    assert not violations, violation_report(violations)
    assert tab.evaluate("document.documentElement.scrollWidth") <= width
    tab.get_by_label("Vælg sagen T03, afdeling 001").check()
    tab.get_by_label("Vælg sagen T03, afdeling 008").check()
    tab.get_by_label("Ny status").select_option(label="Drøftet i styringsdialog")
    tab.get_by_label("Note").fill("Drøftet på mødet.")
    tab.get_by_role("button", name="Gem opfølgning").click()
    tab.screenshot(path=tmp_path / f"cases-{width}.png", full_page=True)

    expect(tab.get_by_text("Opfølgningen er gemt på 2 sager.")).to_be_visible()
    assert tab.locator(".case-table td", has_text="Drøftet i styringsdialog").count() == 2
