"""The load test's ledger (bench/loadtest_ledger.py) on registrations: it passes what the portal
kept and told, and names a registration lost, cancelled by no one, or an e-mail sent twice."""

import pytest

from bench import loadtest_ledger as ledger
from events import registration


@pytest.fixture
def outbox(settings, tmp_path):
    """E-mails as files, as the load test's server writes them."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path
    return tmp_path


@pytest.fixture
def conference(make_event):
    return make_event("Konference med én plads", capacity=1)


@pytest.fixture
def act(django_capture_on_commit_callbacks):
    """Run a registration function with its e-mail tasks, as the worker would."""

    def run(function, *args):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args)

    return run


def ack(kind, user, event):
    return {
        "kind": kind,
        "email": user.email,
        "model": event.registrations.model._meta.label,
        "event": event.pk,
        "title": event.title,
    }


def test_registrations_kept_cancelled_and_moved_up_pass(outbox, conference, make_user, act):
    first, second = make_user(), make_user()
    seat = act(registration.register, first, conference)
    act(registration.register, second, conference)
    act(registration.cancel, seat)
    acks = [
        ack("registration", first, conference),
        ack("registration", second, conference),
        ack("cancel_sent", first, conference),
        ack("cancellation", first, conference),
    ]
    lines = []
    assert ledger.report(acks, outbox, log=lines.append) == []
    table = "\n".join(lines)
    assert "registration               2            2     0       0" in table
    assert "cancellation               1            1     0       0" in table


def test_a_lost_registration_is_named(outbox, conference, make_user):
    member = make_user()
    problems = ledger.report([ack("registration", member, conference)], outbox, log=print)
    assert problems == [f"{ack('registration', member, conference)}: stored 0 times"]


def test_a_registration_cancelled_by_no_one_is_named(outbox, conference, make_user, act):
    member = make_user()
    act(registration.cancel, act(registration.register, member, conference))
    problems = ledger.report([ack("registration", member, conference)], outbox, log=print)
    assert problems == [f"{ack('registration', member, conference)}: stored 0 times"]


def test_a_cancellation_not_kept_is_named(outbox, conference, make_user, act):
    member = make_user()
    act(registration.register, member, conference)
    acks = [ack(kind, member, conference) for kind in ("registration", "cancellation")]
    problems = ledger.report(acks, outbox, log=print)
    assert problems == [f"{acks[1]}: stored 0 times"]


def test_a_confirmation_sent_twice_is_named(outbox, conference, make_user, act):
    member = make_user()
    seat = act(registration.register, member, conference)
    registration.send_registration_email.enqueue(seat._meta.label, seat.pk, "confirmed")
    problems = ledger.report([ack("registration", member, conference)], outbox, log=print)
    assert f"{member.email}, {conference.title}: confirmed e-mail twice" in problems


def test_a_seat_never_told_is_named(outbox, conference, make_user):
    member = make_user()
    registration.register(member, conference, email=False)
    problems = ledger.report([ack("registration", member, conference)], outbox, log=print)
    assert problems == [
        f"{member.email}, {conference.title}: confirmed, e-mails "
        "{'confirmed': 0, 'waiting': 0, 'promoted': 0}"
    ]
