"""Flag rules in the Wagtail admin: grouped fields, checked templates, a revision per save."""

import pytest
from django.urls import reverse

from monitoring.models import FlagRule
from portal import roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(client, make_user, login):
    """A superuser: granting the editors' group the flag-rule permissions is the roles' job."""
    user = make_user(roles.ADMINISTRATOR, mfa=True)
    user.is_superuser = True
    user.save()
    login(client, user)
    return client


def edit_url(rule):
    return reverse("wagtailsnippets_monitoring_flagrule:edit", args=[rule.pk])


def form_data(rule, **changes):
    data = {
        "code": rule.code,
        "name": rule.name,
        "kind": rule.kind,
        "level": rule.level,
        "figure": rule.figure_id,
        "yellow_threshold": rule.yellow_threshold,
        "red_threshold": rule.red_threshold,
        "minimum_homes": rule.minimum_homes,
        "options": "{}",
        "explanation": rule.explanation,
        "active": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_the_edit_form_groups_fields_by_rule_kind(administrator):
    rule = FlagRule.objects.get(code="R03")
    response = administrator.get(edit_url(rule))
    assert response.status_code == 200
    for heading in ("Absolut grænse", "Sammenligning med andre", "Kombination af regler"):
        assert heading in response.content.decode()


def test_saving_a_rule_creates_a_revision(administrator):
    rule = FlagRule.objects.get(code="R03")
    first = rule.latest_revision
    response = administrator.post(edit_url(rule), form_data(rule, red_threshold=6))
    assert response.status_code == 302
    rule.refresh_from_db()
    assert rule.red_threshold == 6
    assert rule.latest_revision != first
    assert rule.latest_revision.content["red_threshold"] == 6


def test_an_unknown_placeholder_is_rejected(administrator):
    rule = FlagRule.objects.get(code="R03")
    response = administrator.post(
        edit_url(rule), form_data(rule, explanation="Ledigheden er {vaerdi} %.")
    )
    assert response.status_code == 200
    assert "Ukendte pladsholdere: {vaerdi}." in response.content.decode()
    rule.refresh_from_db()
    assert "{value}" in rule.explanation
