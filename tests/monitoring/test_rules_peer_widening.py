"""Peer groups under 30 members widen: region and size → size → the whole country."""

import pytest
from rules_data import estates, evaluate, only_rules, organisation, put

from monitoring.models import Flag

pytestmark = pytest.mark.django_db


@pytest.fixture
def country():
    only_rules("R04")
    copenhagen = organisation("0001", municipality=101)  # Region Hovedstaden
    roskilde = organisation("0002", municipality=265)  # Region Sjælland
    groups = {
        "hovedstaden": estates(copenhagen, 35, homes=50),
        "sjaelland": estates(roskilde, 10, homes=50),
        "large": estates(copenhagen, 5, start=201, homes=400),
    }
    for members in groups.values():
        for number, member in enumerate(members, start=1):
            put(member, 2024, vacancy_loss_per_m2=1000.0 if member == members[-1] else number)
    return groups


def statistics(member):
    return Flag.objects.get(estate=member).statistics


def test_a_group_of_thirty_or_more_is_used_as_it_is(country):
    evaluate()
    stats = statistics(country["hovedstaden"][-1])
    assert stats["peers"] == 35
    assert stats["peer_group"] == "afdelinger i Region Hovedstaden med 25–99 boliger"


def test_a_small_region_widens_to_the_size_class_in_the_whole_country(country):
    evaluate()
    stats = statistics(country["sjaelland"][-1])
    assert stats["peers"] == 45
    assert stats["peer_group"] == "afdelinger i hele landet med 25–99 boliger"


def test_a_small_size_class_widens_to_the_whole_country(country):
    evaluate()
    stats = statistics(country["large"][-1])
    assert stats["peers"] == 50
    assert stats["peer_group"] == "afdelinger i hele landet"
