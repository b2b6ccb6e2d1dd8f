"""Styrelsen's notes to the supervising municipality: writing one (whose e-mail to the
municipality's caseworkers is queued in the note's own transaction, so neither is kept without
the other) and the municipality's answers, each step logged."""

from django.db import transaction

from monitoring.models import NoteReply, StyrelseNote
from monitoring.notifications import send_note_notification
from portal.audit import record
from portal.models import AuditEvent
from portal.task_queue import enqueue_with_transaction


def entity_notes(organisation, estate=None):
    """The notes on an estate, or on an organisation and all its estates, newest first."""
    notes = StyrelseNote.objects.filter(organisation=organisation)
    if estate is not None:
        notes = notes.filter(estate=estate)
    return notes.select_related("estate", "author")


@transaction.atomic
def write(author, organisation, data):
    note = StyrelseNote.objects.create(
        organisation=organisation,
        estate=data.get("estate"),
        author=author,
        title=data["title"].strip(),
        body=data["body"].strip(),
        respond_by=data.get("respond_by"),
    )
    record(
        AuditEvent.Kind.NOTE_WRITTEN, actor=author, note=note.pk, organisation=organisation.org_no
    )
    enqueue_with_transaction(send_note_notification, note.pk)
    return note


@transaction.atomic
def answer(note, user, data):
    """Keep the municipality's answer and the status it sets on the note."""
    note.status = data["status"]
    note.save(update_fields=["status"])
    reply = NoteReply.objects.create(
        note=note, user=user, status=data["status"], text=data["text"].strip()
    )
    record(AuditEvent.Kind.NOTE_ANSWERED, actor=user, note=note.pk, status=note.status)
    return reply


def replies(note):
    return note.replies.select_related("user").order_by("created", "pk")
