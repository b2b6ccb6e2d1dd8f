"""What the portal acknowledged under load against what the database holds afterwards.

Each acknowledged write must be stored exactly once: a reply by its submission token, a sign-up
by its address, a meeting registration by member and meeting, a follow-up by the marker in its
note, an import by the marker in its file name (and it must have succeeded). Once the task
worker has emptied the queue, no task may be waiting, running or failed, and every
acknowledged registration must have had its one confirmation e-mail.
"""

import json
import time
from collections import Counter
from email import message_from_bytes
from pathlib import Path

from django.db import close_old_connections
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from monitoring.models import FlagEvent, ImportBatch
from network.models import MeetingRegistration, Reply
from portal.models import User

CANCELLED = "cancelled"


def acknowledged(path: Path):
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def stored_count(ack):
    """How many rows the database holds for one acknowledged write."""
    kind = ack["kind"]
    if kind == "reply":
        return Reply.objects.filter(submission_token=ack["token"]).count()
    if kind == "signup":
        return User.objects.filter(email__iexact=ack["email"]).count()
    if kind == "registration":
        meeting_id = int(ack["meeting"].rstrip("/").rsplit("/", 1)[1])
        return (
            MeetingRegistration.objects.filter(user__email=ack["email"], event_id=meeting_id)
            .exclude(status=CANCELLED)
            .count()
        )
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
    """Recipient → number of e-mails written by the file e-mail backend."""
    counts = Counter()
    for path in outbox.glob("*.log"):
        with path.open("rb") as file:
            for part in file.read().split(b"\n" + b"-" * 79 + b"\n"):
                if part.strip():
                    counts[message_from_bytes(part)["To"]] += 1
    return counts


def report(acks, outbox: Path, log=print):
    """Print acknowledged against stored per kind; returns the problems found (empty: none)."""
    problems = []
    by_kind = {}
    for ack in acks:
        count = stored_count(ack)
        row = by_kind.setdefault(ack["kind"], Counter())
        row["acknowledged"] += 1
        row["stored once"] += count == 1
        row["lost"] += count == 0
        row["duplicated"] += count > 1
        if count != 1:
            problems.append(f"{ack}: stored {count} times")
    emails = sent_emails(outbox)
    for ack in acks:
        if ack["kind"] == "registration" and emails[ack["email"]] != 1:
            problems.append(f"{ack['email']}: {emails[ack['email']]} confirmation e-mails")
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
