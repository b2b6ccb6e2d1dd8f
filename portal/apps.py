from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Tilsynsportalen"

    def ready(self):
        from django.urls import register_converter

        from . import audit, signals  # noqa: F401
        from .converters import DatabaseIdConverter

        register_converter(DatabaseIdConverter, "id")
