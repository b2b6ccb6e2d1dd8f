from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Netværk")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from network import personal_data
        from portal.accounts import personal_data as portal_personal_data

        portal_personal_data.register_exporter("netvaerk_notifikationer", personal_data.export)
        portal_personal_data.register_eraser(personal_data.erase)
