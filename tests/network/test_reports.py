"""Readers report posts to the group's moderators: once per post while the report is open, never
their own post, and only posts they can read."""

import pytest

from network.models import Report, ReportOutcome, ReportReason

pytestmark = pytest.mark.django_db


def report_url(post_kind, world, kind="open"):
    g = world[kind]
    post = g["thread"] if post_kind == "traad" else g["reply"]
    return f"/netvaerk/{g['group'].slug}/{post_kind}/{post.pk}/anmeld/"


def test_a_reader_reports_a_reply_and_is_thanked_in_danish(world, as_user):
    client = as_user(world["closed"]["member"])

    response = client.post(
        report_url("svar", world, "closed"),
        {"reason": ReportReason.OFFENSIVE, "details": "Personangreb"},
        follow=True,
    )

    report = Report.objects.get()
    assert (report.reply, report.thread, report.group) == (
        world["closed"]["reply"],
        None,
        world["closed"]["group"],
    )
    assert (report.reporter, report.reason, report.details) == (
        world["closed"]["member"],
        ReportReason.OFFENSIVE,
        "Personangreb",
    )
    assert "Din anmeldelse er sendt til netværkets moderatorer" in response.content.decode()


def test_a_non_member_may_report_in_an_open_group(world, as_user):
    client = as_user(world["outsider"])

    response = client.post(report_url("traad", world), {"reason": ReportReason.SPAM})

    assert response.status_code == 302
    assert Report.objects.filter(thread=world["open"]["thread"]).count() == 1


def test_reporting_twice_makes_one_open_report(world, as_user):
    client = as_user(world["open"]["member"])
    url = report_url("svar", world)

    client.post(url, {"reason": ReportReason.SPAM})
    response = client.post(url, {"reason": ReportReason.OTHER}, follow=True)

    assert Report.objects.count() == 1
    assert "Du har allerede anmeldt indlægget" in response.content.decode()


def test_a_post_can_be_reported_again_once_the_report_is_settled(world, as_user):
    client = as_user(world["open"]["member"])
    url = report_url("svar", world)
    client.post(url, {"reason": ReportReason.SPAM})
    Report.objects.update(resolved_at="2025-01-01T00:00Z", outcome=ReportOutcome.DISMISSED)

    client.post(url, {"reason": ReportReason.SPAM})

    assert Report.objects.count() == 2
    assert Report.objects.open().count() == 1


def test_one_cannot_report_ones_own_post(world, as_user):
    client = as_user(world["open"]["member"])  # the thread is the member's

    response = client.post(report_url("traad", world), {"reason": ReportReason.SPAM}, follow=True)

    assert not Report.objects.exists()
    assert "Du kan ikke anmelde dit eget indlæg." in response.content.decode()


@pytest.mark.parametrize(("kind", "relation"), [("closed", "removed"), ("secret", "outsider")])
def test_a_post_one_cannot_read_is_not_found(world, as_user, kind, relation):
    user = world["outsider"] if relation == "outsider" else world[kind][relation]
    client = as_user(user)

    response = client.post(report_url("svar", world, kind), {"reason": ReportReason.SPAM})

    assert response.status_code == 404
    assert not Report.objects.exists()


def test_a_report_needs_a_reason(world, as_user):
    client = as_user(world["open"]["member"])

    response = client.post(report_url("svar", world), {"details": "Hmm"})

    assert response.status_code == 200
    assert "Vælg en årsag." in response.content.decode()
    assert not Report.objects.exists()
