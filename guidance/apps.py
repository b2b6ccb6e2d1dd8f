from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidanceConfig(AppConfig):
    name = "guidance"
    verbose_name = _("Vejledning")

    def ready(self):
        from guidance import personal_data, signals  # noqa: F401
        from portal.accounts import personal_data as portal_personal_data

        portal_personal_data.register_exporter(
            "arrangementer", personal_data.export, _("Arrangementer")
        )
        portal_personal_data.register_eraser(personal_data.erase)
