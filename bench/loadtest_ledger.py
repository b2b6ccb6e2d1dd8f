"""What the portal acknowledged under load against what the database holds afterwards.

Each acknowledged write must be stored exactly once: a thread or a reply by its submission
token, a sign-up by its address, a registration (for a network meeting or a conference) as the
member's one row for the event, still active unless a cancellation was sent, a cancellation as
that row cancelled, a follow-up by the marker in its note, an import by its form token (and it
must have succeeded). Once the task worker has emptied the queue, no task may be waiting,
running or failed, and the registrations' e-mails must match the rows: a seat confirmed or
given once, a place on the waiting list told once, no e-mail twice.
"""

import json
import time
from collections import Counter
from email import message_from_bytes
from email.header import decode_header, make_header
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import close_old_connections
from django.utils import translation
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from events.models import RegistrationStatus
from events.registration import EMAILS
from monitoring.models import FlagEvent, ImportBatch
from network.models import Reply, Thread
from portal.models import User

CANCELLED = RegistrationStatus.CANCELLED
# Not writes of their own: what a registration's row may have become without an answer.
CANCEL_SENT = "cancel_sent"


def acknowledged(path: Path):
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def registration_key(ack):
    return ack["email"], ack["model"], ack["event"]


def registration_statuses(ack):
    """The statuses of the member's registration rows for the event, oldest first."""
    model = apps.get_model(ack["model"])
    rows = model.objects.filter(user__email=ack["email"], event_id=ack["event"]).order_by("pk")
    return list(rows.values_list("status", flat=True))


def stored_count(ack, cancels_sent=frozenset()):
    """How many rows the database holds for one acknowledged write (0: lost)."""
    kind = ack["kind"]
    if kind == "reply":
        return Reply.objects.filter(submission_token=ack["token"]).count()
    if kind == "thread":
        return Thread.objects.filter(submission_token=ack["token"]).count()
    if kind == "signup":
        return User.objects.filter(email__iexact=ack["email"]).count()
    if kind == "registration":
        statuses = registration_statuses(ack)
        if CANCELLED in statuses and registration_key(ack) not in cancels_sent:
            return 0  # cancelled by no one
        return len(statuses)
    if kind == "cancellation":
        statuses = registration_statuses(ack)
        return len(statuses) if set(statuses) == {CANCELLED} else 0
    if kind == "follow_up":
        return FlagEvent.objects.filter(note__contains=ack["marker"]).count()
    if kind == "import":
        return ImportBatch.objects.filter(
            submission_token=ack["marker"], status=ImportBatch.Status.SUCCEEDED
        ).count()
    raise ValueError(kind)


def wait_for_queue(seconds, log=print):
    """Wait until no task waits or runs; False if the queue is not empty in time."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        close_old_connections()
        pending = DBTaskResult.objects.filter(
            status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]
        ).count()
        if not pending:
            return True
        log(f"  {pending} tasks waiting or running …")
        time.sleep(5)
    return False


def task_counts():
    return Counter(DBTaskResult.objects.values_list("status", flat=True))


def sent_emails(outbox: Path):
    """(recipient, subject) → number of e-mails written by the file e-mail backend."""
    counts = Counter()
    for path in outbox.glob("*.log"):
        with path.open("rb") as file:
            for part in file.read().split(b"\n" + b"-" * 79 + b"\n"):
                if part.strip():
                    message = message_from_bytes(part)
                    subject = " ".join(str(make_header(decode_header(message["Subject"]))).split())
                    counts[message["To"], subject] += 1
    return counts


def registration_emails(acks, emails):
    """Problems with the e-mails about the acknowledged registrations: each kind at most once
    per member and event; a confirmed row told of its seat once (at registration or when it
    moved up), a waiting one of its place once. A row cancelled before the worker came to its
    e-mail gets none: the task sends only what is still true."""
    problems = []
    with translation.override(settings.LANGUAGE_CODE):
        subjects = {kind: str(subject) for kind, (subject, _status, _ics) in EMAILS.items()}
    for ack in {registration_key(a): a for a in acks if a["kind"] == "registration"}.values():
        sent = {
            kind: emails[ack["email"], subject % {"title": ack["title"]}]
            for kind, subject in subjects.items()
        }
        statuses = registration_statuses(ack)
        twice = [kind for kind, count in sent.items() if count > 1]
        if twice:
            problems.append(f"{ack['email']}, {ack['title']}: {', '.join(twice)} e-mail twice")
        if statuses == [RegistrationStatus.CONFIRMED] and sent["confirmed"] + sent["promoted"] != 1:
            problems.append(f"{ack['email']}, {ack['title']}: confirmed, e-mails {sent}")
        if statuses == [RegistrationStatus.WAITING] and (
            sent["waiting"] != 1 or sent["confirmed"] + sent["promoted"]
        ):
            problems.append(f"{ack['email']}, {ack['title']}: waiting, e-mails {sent}")
    return problems


def report(acks, outbox: Path, log=print):
    """Print acknowledged against stored per kind; returns the problems found (empty: none)."""
    problems = []
    by_kind = {}
    cancels_sent = {registration_key(ack) for ack in acks if ack["kind"] == CANCEL_SENT}
    for ack in acks:
        if ack["kind"] == CANCEL_SENT:
            continue
        count = stored_count(ack, cancels_sent)
        row = by_kind.setdefault(ack["kind"], Counter())
        row["acknowledged"] += 1
        row["stored once"] += count == 1
        row["lost"] += count == 0
        row["duplicated"] += count > 1
        if count != 1:
            problems.append(f"{ack}: stored {count} times")
    emails = sent_emails(outbox)
    problems += registration_emails(acks, emails)
    log("\nAcknowledged writes against the database")
    log(f"{'Write':<14}{'acknowledged':>14}{'stored once':>13}{'lost':>6}{'twice+':>8}")
    for kind, row in sorted(by_kind.items()):
        log(
            f"{kind:<14}{row['acknowledged']:>14}{row['stored once']:>13}"
            f"{row['lost']:>6}{row['duplicated']:>8}"
        )
    tasks = task_counts()
    log(
        "Tasks: "
        + ", ".join(f"{status.lower()} {count}" for status, count in sorted(tasks.items()))
        + f"; e-mails sent: {sum(emails.values())}"
    )
    stuck = {s: tasks[s] for s in ("READY", "RUNNING", "FAILED") if tasks[s]}
    if stuck:
        problems.append(f"tasks not run to success: {stuck}")
    return problems
