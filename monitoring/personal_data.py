"""What monitoring holds about a person: the follow-up they wrote, the cases they own, and the
notes to a municipality and answers to them they wrote."""

from monitoring.models import FlagCase, FlagEvent, NoteReply, StyrelseNote


def export(user):
    return [
        {
            "flag": f"{event.flag.rule.code} {event.flag.year}",
            "boligorganisation": event.flag.organisation.org_no,
            "status": event.get_status_display(),
            "note": event.note,
            "tidspunkt": event.created.isoformat(),
        }
        for event in FlagEvent.objects.filter(user=user).select_related(
            "flag__rule", "flag__organisation"
        )
    ]


def export_notes(user):
    written = StyrelseNote.objects.filter(author=user).select_related("organisation")
    answers = NoteReply.objects.filter(user=user).select_related("note__organisation")
    return [
        {
            "notat": note.title,
            "boligorganisation": note.organisation.org_no,
            "tekst": note.body,
            "tidspunkt": note.created.isoformat(),
        }
        for note in written
    ] + [
        {
            "svar_paa_notat": reply.note.title,
            "boligorganisation": reply.note.organisation.org_no,
            "status": reply.get_status_display(),
            "tekst": reply.text,
            "tidspunkt": reply.created.isoformat(),
        }
        for reply in answers
    ]


def erase(user):
    """Cases the person owned go back to nobody; their notes stay, as "Slettet bruger"'s."""
    FlagCase.objects.filter(assigned_to=user).update(assigned_to=None)
    FlagEvent.objects.filter(assigned_to=user).update(assigned_to=None)
