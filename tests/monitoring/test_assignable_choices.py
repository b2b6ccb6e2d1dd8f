"""The caseworkers a case can be given to are kept in the cache per municipality: each case page
offers its own municipality's, and a caseworker who joins, leaves, is renamed or loses the role
shows on the next page."""

import pytest
from django.contrib.auth.models import Group
from monitoring_fixtures import signed_in

from portal import roles

pytestmark = pytest.mark.django_db


def offered(client, flag):
    """The names in the case page's assignee list."""
    html = client.get(f"/monitorering/flag/{flag.pk}/").content.decode()
    select = html.split('name="assigned_to"', 1)[1].split("</select>", 1)[0]
    return {option.split(">", 1)[1].split("<", 1)[0] for option in select.split("<option")[2:]}


def test_each_municipality_is_offered_only_its_own_caseworkers(login, make_user, monitoring_data):
    kk = make_user(roles.CASEWORKER, municipality_code=101, first_name="Kbh", mfa=True)
    aarhus = make_user(roles.CASEWORKER, municipality_code=751, first_name="Aar", mfa=True)

    kk_client, aarhus_client = signed_in(login, kk), signed_in(login, aarhus)

    for _ in range(2):  # the second time from the cache
        assert offered(kk_client, monitoring_data["flag"]) == {kk.get_full_name()}
        assert offered(aarhus_client, monitoring_data["aarhus_flag"]) == {aarhus.get_full_name()}


def test_a_change_of_caseworkers_is_offered_at_once(login, make_user, monitoring_data):
    reader = make_user(roles.CASEWORKER, municipality_code=101, first_name="Læser", mfa=True)
    other = make_user(roles.CASEWORKER, municipality_code=101, first_name="Anden")
    client, flag = signed_in(login, reader), monitoring_data["flag"]
    assert offered(client, flag) == {reader.get_full_name(), other.get_full_name()}

    other.first_name = "Omdøbt"
    other.save()
    assert offered(client, flag) == {reader.get_full_name(), other.get_full_name()}

    other.groups.remove(Group.objects.get(name=roles.CASEWORKER))
    assert offered(client, flag) == {reader.get_full_name()}

    Group.objects.get(name=roles.CASEWORKER).user_set.add(other)
    assert offered(client, flag) == {reader.get_full_name(), other.get_full_name()}

    other.delete()
    assert offered(client, flag) == {reader.get_full_name()}
