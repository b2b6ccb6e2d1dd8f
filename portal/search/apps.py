from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Listed after wagtail.search, so that its signal handlers exist to be replaced."""

    name = "portal.search"
    label = "portal_search"
    verbose_name = _("Søgning")

    def ready(self):
        from portal.search import autoindex, synonyms  # noqa: F401 (its receivers)

        autoindex.index_on_save()
