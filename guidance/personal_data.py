"""What the guidance app holds about a person: event registrations."""

from events import registration
from guidance.models import EventRegistration


def export(user):
    return [
        {
            "arrangement": r.event.title,
            "status": r.get_status_display(),
            "tilmeldt": r.created.isoformat(),
        }
        for r in EventRegistration.objects.filter(user=user).select_related("event")
    ]


def erase(user):
    """Give up seats at coming events (the waiting list moves up), then forget them all."""
    registration.give_up_coming_seats(EventRegistration.objects.filter(user=user))
    EventRegistration.objects.filter(user=user).delete()
