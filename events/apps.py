from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Registration with seats and a waiting list, shared by conferences and network meetings."""

    name = "events"
    verbose_name = _("Tilmelding")
