from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Tilsynsportalen"

    def ready(self):
        from . import audit, signals  # noqa: F401
