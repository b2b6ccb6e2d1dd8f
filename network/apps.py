from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Netværk")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from network import personal_data
        from portal.accounts import personal_data as portal_personal_data

        portal_personal_data.register_exporter("netvaerk_anmeldelser", personal_data.export_reports)
        portal_personal_data.register_exporter(
            "netvaerk_moderation", personal_data.export_moderation
        )
        portal_personal_data.register_exporter(
            "netvaerk_laeste_traade", personal_data.export_reading
        )
        portal_personal_data.register_eraser(personal_data.erase)
