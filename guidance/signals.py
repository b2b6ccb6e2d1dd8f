"""Keep registrations in step with what editors publish."""

from django.dispatch import receiver
from wagtail.signals import page_published

from events import registration
from guidance.models import EventPage


@receiver(page_published, sender=EventPage)
def fill_seats_on_publish(sender, instance, **kwargs):
    """A raised capacity gives the waiting list its new seats at once."""
    if instance.has_registration and not instance.has_started():
        registration.fill_seats(instance)
