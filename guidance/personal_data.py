"""What the guidance app holds about a person: event registrations."""

from django.utils import timezone

from guidance import registration
from guidance.models import EventRegistration, RegistrationStatus


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
    coming = EventRegistration.objects.filter(user=user, event__start__gt=timezone.now()).exclude(
        status=RegistrationStatus.CANCELLED
    )
    for seat in coming.select_related("event"):
        registration.cancel(seat)
    EventRegistration.objects.filter(user=user).delete()
