from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class PortalConfig(AppConfig):
    default = True
    name = "portal"
    verbose_name = "Tilsynsportalen"

    def ready(self):
        from django.urls import register_converter

        from . import audit, people, signals  # noqa: F401
        from .accounts import email_change, invitations  # noqa: F401
        from .converters import DatabaseIdConverter

        register_converter(DatabaseIdConverter, "id")


class PortalUsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app, with the portal's user editor (portal/admin_users.py)."""

    default = False
    user_viewset = "portal.admin_users.UserViewSet"
