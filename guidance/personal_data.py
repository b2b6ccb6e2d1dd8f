"""What the guidance app holds about a person: event registrations."""

from events import registration
from events.personal_data import registration_data
from guidance.models import EventRegistration


def export(user):
    return [
        {
            "arrangement": r.event.title,
            "starter": r.event.start.isoformat(),
            **registration_data(r),
        }
        for r in EventRegistration.objects.filter(user=user)
        .with_waiting_position()
        .select_related("event")
    ]


def erase(user):
    """Give up seats at coming events (the waiting list moves up), then forget them all."""
    registration.give_up_coming_seats(EventRegistration.objects.filter(user=user))
    EventRegistration.objects.filter(user=user).delete()
