"""Flag rules in the Wagtail admin: each kind's own parameters, no JSON, decimals typed the
Danish way, a preview before saving, a revision and re-evaluation on save."""

import json

import pytest
from django.urls import reverse
from rules_data import estate, evaluate, only_rules, organisation, put

from monitoring.models import FlagRule, RuleKind
from monitoring.rule_form import KIND_FIELDS
from portal import roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, make_user, login):
    """An editor: the editorial group holds the flag-rule permissions."""
    login(client, make_user(roles.EDITOR, mfa=True))
    return client


def edit_url(rule):
    return reverse("wagtailsnippets_monitoring_flagrule:edit", args=[rule.pk])


def form_data(rule, **changes):
    """The edit form as the browser posts it for `rule`, with `changes`."""
    form = FlagRule.snippet_viewset.edit_handler.bind_to_model(FlagRule).get_form_class()(
        instance=rule
    )
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(value, list):
            data[name] = [str(v) for v in value]
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = field.prepare_value(value) if not hasattr(value, "pk") else value.pk
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_the_form_shows_each_parameter_only_for_the_kinds_that_use_it(editor):
    page = editor.get(edit_url(FlagRule.objects.get(code="R03"))).content.decode()
    assert 'data-controller="w-rules"' in page
    shown = json.dumps({"kind": ["absolute", "change", "peer"]}).replace('"', "&quot;")
    assert f'data-w-rules-show="{shown}"' in page  # minimum_homes
    assert 'name="options"' not in page


def test_thresholds_are_labelled_with_the_figures_unit(editor):
    page = editor.get(edit_url(FlagRule.objects.get(code="R03"))).content.decode()
    assert "Grænse for gul (%)" in page
    assert 'inputmode="decimal"' in page
    assert 'value="5"' in page


@pytest.mark.parametrize("code", [f"R{n:02d}" for n in range(1, 17)])
def test_saving_a_default_rule_unchanged_keeps_every_parameter(editor, code):
    rule = FlagRule.objects.get(code=code)
    before = {
        field.name: getattr(rule, field.name)
        for field in FlagRule._meta.concrete_fields
        if field.name not in ("latest_revision",)
    }
    members = set(rule.combined_rules.values_list("code", flat=True))
    response = editor.post(edit_url(rule), form_data(rule))
    assert response.status_code == 302, response.context["form"].errors
    rule.refresh_from_db()
    after = {name: getattr(rule, name) for name in before}
    assert after == before
    assert set(rule.combined_rules.values_list("code", flat=True)) == members


@pytest.mark.parametrize("typed", ["6,0", "6.0", "6", " 6,0 "])
def test_a_threshold_typed_with_comma_or_point_is_six(editor, typed):
    rule = FlagRule.objects.get(code="R03")
    first = rule.latest_revision
    response = editor.post(edit_url(rule), form_data(rule, red_threshold=typed))
    assert response.status_code == 302
    rule.refresh_from_db()
    assert rule.red_threshold == 6
    assert rule.latest_revision != first
    assert rule.latest_revision.content["red_threshold"] == 6


def test_a_number_that_reads_two_ways_is_refused_with_a_question(editor):
    rule = FlagRule.objects.get(code="R03")
    response = editor.post(edit_url(rule), form_data(rule, red_threshold="6.000"))
    assert response.status_code == 200
    assert "Skriv 6000 for tusinder eller 6,000 med decimalkomma" in response.content.decode()
    rule.refresh_from_db()
    assert rule.red_threshold == 5


def test_options_are_edited_as_fields_and_unknown_keys_are_kept(editor):
    rule = FlagRule.objects.get(code="R07")
    rule.options = {**rule.options, "kept_by_hand": 1}
    rule.save()
    response = editor.post(
        edit_url(rule), form_data(rule, red_minimum_age="45", red_peer_percentile="7,5")
    )
    assert response.status_code == 302
    rule.refresh_from_db()
    assert rule.options == {
        "red_peer_figure": "ppv_saved_per_home",
        "red_minimum_age": 45,
        "red_peer_percentile": 7.5,
        "kept_by_hand": 1,
    }


def test_changing_the_kind_forgets_the_old_kinds_parameters(editor):
    rule = FlagRule.objects.get(code="R03")
    response = editor.post(
        edit_url(rule),
        form_data(rule, kind=RuleKind.PEER, yellow_percentile="90", peer_group="country"),
    )
    assert response.status_code == 302
    rule.refresh_from_db()
    assert (rule.kind, rule.yellow_percentile) == (RuleKind.PEER, 90)
    assert (rule.yellow_threshold, rule.red_threshold) == (None, None)
    assert "yellow_threshold" not in KIND_FIELDS[RuleKind.PEER]


def test_saving_says_so_in_danish(editor):
    rule = FlagRule.objects.get(code="R03")
    response = editor.post(edit_url(rule), form_data(rule), follow=True)
    page = response.content.decode()
    assert "Flagreglen »R03 Høj ledighed« er gemt som en ny version." in page
    assert "updated" not in page


def test_the_list_says_ja_and_nej(editor):
    FlagRule.objects.filter(code="R02").update(active=False)
    page = editor.get(reverse("wagtailsnippets_monitoring_flagrule:list")).content.decode()
    assert ">Ja<" in page.replace("\n", "").replace(" ", "")
    assert ">Nej<" in page.replace("\n", "").replace(" ", "")
    assert "True" not in page and "False" not in page


def test_an_unknown_placeholder_is_rejected(editor):
    rule = FlagRule.objects.get(code="R03")
    response = editor.post(edit_url(rule), form_data(rule, explanation="Ledigheden er {vaerdi} %."))
    assert response.status_code == 200
    assert "Ukendte pladsholdere: {vaerdi}." in response.content.decode()
    rule.refresh_from_db()
    assert "{value}" in rule.explanation


@pytest.fixture
def vacancies():
    """Four estates of two organisations with vacancy 3–8 % in 2024, evaluated by R03 alone."""
    only_rules("R03")
    for org_no, rates in (("0001", (3.0, 4.0)), ("0002", (6.0, 8.0))):
        org = organisation(org_no)
        for number, rate in enumerate(rates, start=1):
            member = estate(org, f"{number:03d}")
            put(member, 2023, vacancy_rate_pct=rate)
            put(member, 2024, vacancy_rate_pct=rate)
    evaluate()


def preview_url(rule):
    return reverse("monitoring_rule_preview", args=[rule.pk])


def test_the_preview_counts_the_flags_and_red_organisations_without_saving(editor, vacancies):
    rule = FlagRule.objects.get(code="R03")
    revision = rule.latest_revision
    response = editor.post(preview_url(rule), form_data(rule, red_threshold="2,5"))
    page = response.content.decode()
    assert response.status_code == 200
    # Four estates at 3–8 % are flagged either way; rød from 2.5 % puts 0001's homes in rød.
    assert "Med den nye grænse: 4 flag (før 4)" in " ".join(page.split())
    assert "1 ny organisation i rød" in " ".join(page.split())
    rule.refresh_from_db()
    assert (rule.red_threshold, rule.latest_revision) == (5, revision)


def test_the_preview_names_the_errors_instead(editor, vacancies):
    rule = FlagRule.objects.get(code="R03")
    response = editor.post(preview_url(rule), form_data(rule, red_threshold="mange"))
    assert "Ret fejlene i formularen" in response.content.decode()
    assert "Skriv et tal, fx 6,5." in response.content.decode()


def test_only_rule_editors_may_preview(client, make_user, login):
    login(client, make_user(roles.CASEWORKER, municipality_code=101, mfa=True))
    rule = FlagRule.objects.get(code="R03")
    assert client.post(preview_url(rule), {}).status_code in (302, 404)
