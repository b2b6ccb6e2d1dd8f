from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Netværk")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from network import admission, fragments, personal_data, search, unread  # noqa: F401 (admission: signal receivers)
        from network.personal_data import files as files_data
        from network.personal_data import moderation as moderation_data
        from network.personal_data import notifications as notifications_data
        from portal.accounts import personal_data as portal_personal_data

        register_exporter = portal_personal_data.register_exporter
        register_exporter("netvaerk", personal_data.export, _("Netværk"))
        register_exporter("netvaerksfiler", files_data.export, _("Filer i netværkene"))
        register_exporter(
            "netvaerk_anmeldelser", moderation_data.export_reports, _("Anmeldelser i netværkene")
        )
        register_exporter("netvaerk_moderation", moderation_data.export_moderation, _("Moderation"))
        register_exporter(
            "netvaerk_laeste_traade", moderation_data.export_reading, _("Læste tråde")
        )
        register_exporter("netvaerk_notifikationer", notifications_data.export, _("Notifikationer"))
        portal_personal_data.register_files(files_data.files)
        for data in (personal_data, files_data, moderation_data, notifications_data):
            portal_personal_data.register_eraser(data.erase)
        search.connect()
        unread.connect()
        fragments.connect()
