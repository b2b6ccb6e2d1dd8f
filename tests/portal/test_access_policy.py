"""The access policy in portal/access.py: one answer to "may this user do X"."""

import pytest
from django.contrib.auth.models import AnonymousUser

from portal import access, roles
from portal.models import AccessRequest, Municipality

pytestmark = pytest.mark.django_db


def test_anonymous_has_no_roles_and_no_rights():
    anonymous = AnonymousUser()

    assert access.role_names(anonymous) == frozenset()
    assert not access.is_administrator(anonymous)
    assert not access.is_styrelse(anonymous)
    assert not access.may_edit_content(anonymous)
    assert not access.may_see_monitoring(anonymous)
    assert not access.requires_mfa(anonymous)


def test_roles_are_read_once_per_user_object(make_user, django_assert_num_queries):
    editor = make_user(roles.EDITOR)

    with django_assert_num_queries(1):
        assert access.has_role(editor, roles.EDITOR)
        assert not access.has_role(editor, roles.ADMINISTRATOR)
        assert access.may_edit_content(editor)


def test_member_sees_no_monitoring_and_edits_nothing(make_user):
    member = make_user(roles.MEMBER)

    assert not access.may_see_monitoring(member)
    assert not access.may_edit_content(member)
    assert not access.may_decide_access_requests(member)


def test_caseworker_is_bound_to_their_municipality(make_user):
    caseworker = make_user(roles.CASEWORKER, municipality_code=101)

    assert access.caseworker_municipality(caseworker).code == 101
    assert access.may_see_monitoring(caseworker)
    assert not access.is_styrelse(caseworker)


def test_caseworker_role_without_municipality_sees_no_monitoring(make_user):
    caseworker = make_user(roles.CASEWORKER)

    assert access.caseworker_municipality(caseworker) is None
    assert not access.may_see_monitoring(caseworker)


def test_municipality_without_caseworker_role_binds_nothing(make_user):
    member = make_user(roles.MEMBER, municipality_code=101)

    assert access.caseworker_municipality(member) is None


@pytest.mark.parametrize("role", [roles.EDITOR, roles.APPROVER, roles.ADMINISTRATOR])
def test_styrelse_sees_the_whole_country(make_user, role):
    user = make_user(role)

    assert access.is_styrelse(user)
    assert access.may_see_monitoring(user)
    assert access.may_edit_content(user)


def test_superuser_is_administrator(make_user):
    assert access.is_administrator(make_user(is_superuser=True))


def test_only_administrators_and_lead_caseworkers_decide(make_user):
    assert access.may_decide_access_requests(make_user(roles.ADMINISTRATOR))
    assert access.may_decide_access_requests(
        make_user(roles.CASEWORKER, municipality_code=101, lead=True)
    )
    assert not access.may_decide_access_requests(make_user(roles.CASEWORKER, municipality_code=101))
    assert not access.may_decide_access_requests(make_user(roles.MEMBER, lead=True))
    assert not access.may_decide_access_requests(make_user(roles.EDITOR))


def test_lead_caseworker_decides_only_their_municipality_and_not_their_own(make_user):
    kk, aarhus = Municipality.objects.get(code=101), Municipality.objects.get(code=751)
    lead = make_user(roles.CASEWORKER, municipality_code=101, lead=True)
    in_kk = AccessRequest.objects.create(user=make_user(), municipality=kk, motivation="a")
    in_aarhus = AccessRequest.objects.create(user=make_user(), municipality=aarhus, motivation="b")
    own = AccessRequest.objects.create(user=lead, municipality=kk, motivation="c")
    everything = AccessRequest.objects.all()

    assert list(access.access_requests_decidable_by(lead, everything)) == [in_kk]
    administrator = make_user(roles.ADMINISTRATOR)
    assert set(access.access_requests_decidable_by(administrator, everything)) == {
        in_kk,
        in_aarhus,
        own,
    }
    assert not access.access_requests_decidable_by(make_user(roles.MEMBER), everything).exists()
