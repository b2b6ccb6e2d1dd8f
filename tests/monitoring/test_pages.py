"""The caseworker's monitoring pages: dashboard, organisation, estate and flag, for each role."""

import uuid

import pytest
from monitoring_fixtures import assess_all, import_batch, make_organisation, raise_flag

from monitoring.models import (
    AssessmentPolicy,
    FlagEvent,
    FlagRule,
    FlagStatus,
    RuleKind,
    Severity,
)
from portal import roles

pytestmark = [pytest.mark.django_db, pytest.mark.monitoring_data_once]


def signed_in(client, login, user):
    login(client, user)
    return client


def test_dashboard_lists_the_municipalitys_organisations_flagged_first(
    client, login, caseworker_kk, monitoring_data
):
    content = signed_in(client, login, caseworker_kk).get("/monitorering/").content.decode()

    assert "Tilsyn med mine boligorganisationer" in content
    assert content.index("Københavns Almene Boliger") < content.index("Rolige Boliger")
    assert "Aarhus Boligforening" not in content


def test_dashboard_filters_by_severity(client, login, caseworker_kk, monitoring_data):
    client = signed_in(client, login, caseworker_kk)

    content = client.get("/monitorering/", {"alvor": "red", "aar": 2024}).content.decode()

    assert "Københavns Almene Boliger" in content
    assert "Rolige Boliger" not in content


def test_dashboard_filters_new_flags_only(client, login, caseworker_kk, monitoring_data):
    client = signed_in(client, login, caseworker_kk)

    content = client.get("/monitorering/", {"nye": "on", "aar": 2024}).content.decode()

    assert "Københavns Almene Boliger" not in content, "its 2024 flag persists from 2023"


def test_styrelse_chooses_a_municipality_or_sees_the_country(
    client, login, editor, monitoring_data
):
    client = signed_in(client, login, editor)

    assert client.get("/monitorering/")["Location"] == "/monitorering/landet/"
    content = client.get("/monitorering/", {"kommune": 751}).content.decode()
    assert "Aarhus Boligforening" in content and "Københavns Almene Boliger" not in content


def test_organisation_page_shows_flags_figures_estates_and_charts(
    client, login, caseworker_kk, monitoring_data
):
    client = signed_in(client, login, caseworker_kk)

    content = client.get("/monitorering/organisation/0042/", {"aar": 2024}).content.decode()

    assert "Københavns Almene Boliger" in content
    assert "Afdeling 1" in content and "Tårnby" in content
    assert "Dispositionsfond, disponibel" in content
    assert "4.800" in content, "figures in Danish number format"


def test_estate_page_explains_the_flag_and_marks_the_cell(
    client, login, caseworker_kk, monitoring_data
):
    client = signed_in(client, login, caseworker_kk)

    content = client.get("/monitorering/organisation/0042/afdeling/001/").content.decode()

    assert monitoring_data["flag"].explanation in content
    assert "cell-flag--red" in content and "rødt flag" in content
    assert "<svg" in content and "Se tallene bag grafen" in content
    assert "Fortsat siden 2023" in content, "the flag continues last year's case"
    assert monitoring_data["earlier_flag"].explanation not in content, "one row per case"


def test_estate_page_lists_an_ended_case_once_with_its_years(
    client, login, caseworker_kk, monitoring_data, vacancy_rule
):
    estate = monitoring_data["estate"]
    first = raise_flag(vacancy_rule, estate, 2020, value=6.1)
    raise_flag(vacancy_rule, estate, 2021, previous=first, value=6.2)
    client = signed_in(client, login, caseworker_kk)

    content = client.get("/monitorering/organisation/0042/afdeling/001/").content.decode()

    assert "Sager fra andre år" in content and "Sag 2020–2021" in content
    assert "Forklaring T03 2021: 6,2" in content
    assert "Forklaring T03 2020: 6,1" not in content, "the case is shown once, by its last year"


@pytest.mark.parametrize(
    "url",
    [
        "/monitorering/organisation/0043/",
        "/monitorering/organisation/0043/afdeling/001/",
        "/monitorering/organisation/0043/rapport.xlsx",
        "/monitorering/organisation/0043/noegletal.csv",
        "/monitorering/organisation/0043/afdeling/001/noegletal.csv",
        "/monitorering/organisation/9999/",
    ],
)
def test_other_municipalitys_organisation_is_not_found(
    client, login, caseworker_kk, monitoring_data, url
):
    client = signed_in(client, login, caseworker_kk)

    assert client.get(url).status_code == 404


def test_other_municipalitys_flag_is_not_found(client, login, caseworker_kk, monitoring_data):
    client = signed_in(client, login, caseworker_kk)

    assert client.get(f"/monitorering/flag/{monitoring_data['aarhus_flag'].pk}/").status_code == 404


def test_located_estate_does_not_open_the_organisation_to_the_location_municipality(
    client, login, make_user, monitoring_data
):
    taarnby = make_user([roles.CASEWORKER], municipality_code=185, mfa=True)
    client = signed_in(client, login, taarnby)

    assert client.get("/monitorering/organisation/0042/").status_code == 404


def test_location_municipality_sees_flagged_estates_lying_there_read_only(
    client, login, make_user, monitoring_data, vacancy_rule
):
    located = monitoring_data["kk"].estates.get(estate_no="002")
    raise_flag(vacancy_rule, located, 2024, value=8.0)
    taarnby = make_user([roles.CASEWORKER], municipality_code=185, mfa=True)
    client = signed_in(client, login, taarnby)

    content = client.get("/monitorering/", {"aar": 2024}).content.decode()

    assert "0042-002" in content and "København" in content
    assert "/monitorering/organisation/0042/" not in content


def test_member_gets_no_monitoring(client, login, member, monitoring_data):
    client = signed_in(client, login, member)

    assert client.get("/monitorering/").status_code == 404
    assert client.get("/monitorering/organisation/0042/").status_code == 404


def test_anonymous_reader_is_sent_to_log_in(client, monitoring_data):
    response = client.get("/monitorering/organisation/0042/")

    assert response.status_code == 302 and response["Location"].startswith("/konto/login/")


def test_caseworker_follows_up_a_flag(client, login, caseworker_kk, monitoring_data):
    client = signed_in(client, login, caseworker_kk)
    flag = monitoring_data["flag"]

    response = client.post(
        f"/monitorering/flag/{flag.pk}/",
        {
            "status": FlagStatus.DISCUSSED,
            "assigned_to": caseworker_kk.pk,
            "note": "Drøftet.",
            "token": uuid.uuid4(),
        },
    )

    assert response.status_code == 302
    flag.case.refresh_from_db()
    assert (flag.case.status, flag.case.assigned_to) == (FlagStatus.DISCUSSED, caseworker_kk)
    event = FlagEvent.objects.get(flag=flag)
    assert (event.user, event.note) == (caseworker_kk, "Drøftet.")
    assert "Drøftet." in client.get(f"/monitorering/flag/{flag.pk}/").content.decode()


def test_a_follow_up_sent_twice_is_kept_once(client, login, caseworker_kk, monitoring_data):
    """Sent again after an error whose answer never came (the first sending was saved)."""
    client = signed_in(client, login, caseworker_kk)
    flag = monitoring_data["flag"]
    form = {"status": FlagStatus.IN_PROGRESS, "note": "Ringet op.", "token": uuid.uuid4()}

    responses = [client.post(f"/monitorering/flag/{flag.pk}/", form) for _ in range(2)]

    assert [r.status_code for r in responses] == [302, 302]
    assert list(FlagEvent.objects.values_list("note", flat=True)) == ["Ringet op."]


def test_rejecting_a_flag_needs_a_reason(client, login, caseworker_kk, monitoring_data):
    client = signed_in(client, login, caseworker_kk)
    flag = monitoring_data["flag"]

    response = client.post(
        f"/monitorering/flag/{flag.pk}/", {"status": FlagStatus.REJECTED, "token": uuid.uuid4()}
    )

    assert response.status_code == 200
    assert "Skriv en begrundelse" in response.content.decode()
    flag.case.refresh_from_db()
    assert flag.case.status == FlagStatus.NEW and not FlagEvent.objects.exists()


def test_history_of_last_years_flag_stays_visible(client, login, caseworker_kk, monitoring_data):
    earlier = monitoring_data["earlier_flag"]
    FlagEvent.objects.create(
        case=earlier.case, flag=earlier, status=FlagStatus.CLOSED, note="Afsluttet i 2024."
    )
    client = signed_in(client, login, caseworker_kk)

    content = client.get(f"/monitorering/flag/{monitoring_data['flag'].pk}/").content.decode()

    assert "Afsluttet i 2024." in content and "flaget for 2023" in content


def test_styrelse_reads_a_flag_but_does_not_change_it(client, login, editor, monitoring_data):
    client = signed_in(client, login, editor)
    flag = monitoring_data["flag"]

    response = client.post(
        f"/monitorering/flag/{flag.pk}/",
        {"status": FlagStatus.CLOSED, "note": "Nej", "token": uuid.uuid4()},
    )

    assert response.status_code == 200
    flag.case.refresh_from_db()
    assert flag.case.status == FlagStatus.NEW and not FlagEvent.objects.exists()


def test_a_caseworker_of_another_municipality_cannot_be_assigned(
    client, login, caseworker_kk, caseworker_aarhus, monitoring_data
):
    client = signed_in(client, login, caseworker_kk)
    flag = monitoring_data["flag"]

    response = client.post(
        f"/monitorering/flag/{flag.pk}/",
        {
            "status": FlagStatus.IN_PROGRESS,
            "assigned_to": caseworker_aarhus.pk,
            "token": uuid.uuid4(),
        },
    )

    assert response.status_code == 200
    flag.case.refresh_from_db()
    assert flag.case.assigned_to is None


def test_national_view_is_for_styrelse(client, login, editor, caseworker_kk, monitoring_data):
    content = signed_in(client, login, editor).get("/monitorering/landet/").content.decode()
    assert "Landsbillede" in content and "København" in content and "T03" in content
    client.logout()

    assert signed_in(client, login, caseworker_kk).get("/monitorering/landet/").status_code == 404


def test_national_view_finds_any_organisation(client, login, editor, monitoring_data):
    client = signed_in(client, login, editor)

    content = client.get("/monitorering/landet/", {"q": "aarhus"}).content.decode()

    assert "/monitorering/organisation/0043/" in content


def test_flags_of_rules_without_a_key_figure_show_with_their_guidance(
    client, login, caseworker_kk, monitoring_data, make_guidance_page
):
    guidance = make_guidance_page("Tidlige tegn på økonomiske vanskeligheder")
    combination = FlagRule.objects.create(
        code="T16",
        name="Flere samtidige advarsler",
        kind=RuleKind.COMBINATION,
        level="estate",
        explanation="{value} samtidige advarsler.",
        guidance_page=guidance,
    )
    flag = raise_flag(combination, monitoring_data["estate"], 2024, value=3)
    client = signed_in(client, login, caseworker_kk)

    for url in (
        "/monitorering/organisation/0042/afdeling/001/?aar=2024",
        f"/monitorering/flag/{flag.pk}/",
    ):
        content = client.get(url).content.decode()
        assert flag.explanation in content
        assert guidance.url in content


def test_dashboard_ranks_by_assessment_and_says_why_in_one_line(
    client, login, caseworker_kk, monitoring_data
):
    calm = make_organisation(101, "0045", "Store Boliger", estates=10, homes=100)
    for estate in calm.estates.all()[:3]:
        raise_flag(monitoring_data["flag"].rule, estate, 2024, Severity.YELLOW, value=3.0)
    assess_all()

    content = signed_in(client, login, caseworker_kk).get("/monitorering/").content.decode()

    # More flags, but on few of its homes: Store Boliger is gul, below the rød organisation.
    assert content.index("Københavns Almene Boliger") < content.index("Store Boliger")
    assert content.index("Store Boliger") < content.index("Rolige Boliger")
    assert "50 % af boligerne i afdelinger med rødt flag (T03)" in content
    assert "30 % af boligerne i afdelinger med flag (T03)" in content


def test_national_view_shades_municipalities_by_homes_in_rød_organisations(
    client, login, editor, monitoring_data
):
    # A policy where half the homes in red estates make an organisation rød, so 0042 is rød.
    AssessmentPolicy.objects.update(red_homes_share=50)
    assess_all()
    content = signed_in(client, login, editor).get("/monitorering/landet/").content.decode()

    # København: 80 of 120 homes in the rød 0042; Aarhus: all 40 in the rød 0043; Odense none.
    assert 'class="tile shade-4"><a href="/monitorering/?kommune=101&amp;aar=2024">' in content
    assert 'class="tile shade-4"><a href="/monitorering/?kommune=751&amp;aar=2024">' in content
    assert 'class="tile shade-0"><a href="/monitorering/?kommune=461&amp;aar=2024">' in content
    assert "67 %" in content and "1 rød organisation" in content


def test_flag_page_tells_what_to_do_and_on_which_figures(
    client, login, caseworker_kk, monitoring_data, make_guidance_page
):
    rule = monitoring_data["flag"].rule
    rule.guidance_page = make_guidance_page("Tomgang og lejetab")
    rule.guidance_anchor = "hvorfor-det-er-vigtigt"
    rule.actions = "Spørg organisationen (almenboligloven § 164).\nDrøft det i styringsdialogen."
    rule.save()
    flag = monitoring_data["flag"]
    flag.batch = import_batch(2024)
    flag.save()

    content = signed_in(client, login, caseworker_kk).get(f"/monitorering/flag/{flag.pk}/")
    content = content.content.decode()

    assert "Handlemuligheder" in content
    assert "<li>Spørg organisationen (almenboligloven § 164).</li>" in content
    assert f'href="{rule.guidance_page.url}#hvorfor-det-er-vigtigt"' in content
    assert "Nøgletal for 2024, indlæst" in content
    assert "key_figures_2024.csv" not in content
