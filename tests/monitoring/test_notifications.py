"""After an import, caseworkers of municipalities with new red flags get one e-mail each."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from monitoring.models import Flag
from monitoring.notifications import send_flag_digests
from portal import roles
from portal.models.users import NotificationFrequency

pytestmark = pytest.mark.django_db


@pytest.fixture
def since():
    return (timezone.now() - datetime.timedelta(minutes=1)).isoformat()


def test_each_caseworker_of_a_flagged_municipality_gets_one_email(
    make_user, monitoring_data, since
):
    first = make_user([roles.CASEWORKER], municipality_code=101)
    second = make_user([roles.CASEWORKER], municipality_code=101)
    aarhus = make_user([roles.CASEWORKER], municipality_code=751)

    send_flag_digests.call(since)

    assert sorted(m.to[0] for m in mail.outbox) == sorted([first.email, second.email, aarhus.email])


def test_the_email_holds_no_names_or_figures(make_user, monitoring_data, since):
    make_user([roles.CASEWORKER], municipality_code=101)

    send_flag_digests.call(since)

    body = next(m.body for m in mail.outbox if "København" in m.body)
    assert "/monitorering/" in body
    assert "Københavns Almene Boliger" not in body
    assert "7,5" not in body and "7.5" not in body


def test_old_flags_send_nothing(make_user, monitoring_data):
    make_user([roles.CASEWORKER], municipality_code=101)
    later = (timezone.now() + datetime.timedelta(minutes=1)).isoformat()

    send_flag_digests.call(later)

    assert mail.outbox == []


def test_members_lapsed_caseworkers_and_opted_out_users_get_nothing(
    make_user, monitoring_data, since
):
    make_user([roles.MEMBER], municipality_code=101)
    make_user([roles.CASEWORKER], municipality_code=101, is_active=False)
    make_user(
        [roles.CASEWORKER],
        municipality_code=101,
        notification_frequency=NotificationFrequency.NEVER,
    )
    make_user([roles.CASEWORKER], municipality_code=101, verified=False)
    Flag.objects.filter(organisation__supervising_municipality__code=751).delete()

    send_flag_digests.call(since)

    assert mail.outbox == []
