"""What monitoring holds about a person: the follow-up they wrote and the cases they own."""

from monitoring.models import FlagCase, FlagEvent


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


def erase(user):
    """Cases the person owned go back to nobody; their notes stay, as "Slettet bruger"'s."""
    FlagCase.objects.filter(assigned_to=user).update(assigned_to=None)
    FlagEvent.objects.filter(assigned_to=user).update(assigned_to=None)
