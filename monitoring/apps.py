from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = _("Overvågning")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import triggers  # noqa: F401  (connects the re-evaluation signals)
