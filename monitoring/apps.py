from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = _("Overvågning")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from monitoring import health, personal_data, search, triggers  # noqa: F401  (triggers connects signals)
        from portal import health as portal_health
        from portal.accounts import personal_data as portal_personal_data

        portal_health.register("last_import", health.last_import)

        portal_personal_data.register_exporter(
            "opfoelgning_paa_flag", personal_data.export, _("Opfølgning på flag")
        )
        portal_personal_data.register_exporter(
            "notater_og_svar", personal_data.export_notes, _("Notater og svar")
        )
        portal_personal_data.register_eraser(personal_data.erase)
        search.connect()
