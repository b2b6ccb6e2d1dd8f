from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from monitoring import search
from monitoring.admin_views import ImportBatchView, ImportView, PartialImportView
from monitoring.rule_preview_view import RulePreviewView
from monitoring.snippets import register_flag_rule_snippet
from portal.admin_menus import EditorMenuItem

register_flag_rule_snippet()


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("nogletal/import/", ImportView.as_view(), name="monitoring_import"),
        path(
            "nogletal/import/<id:pk>/",
            ImportBatchView.as_view(),
            name="monitoring_import_batch",
        ),
        path(
            "nogletal/import/<id:pk>/delvis/",
            PartialImportView.as_view(),
            name="monitoring_import_partial",
        ),
        path("flagregler/virkning/", RulePreviewView.as_view(), name="monitoring_rule_preview"),
        path(
            "flagregler/<id:pk>/virkning/",
            RulePreviewView.as_view(),
            name="monitoring_rule_preview",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return EditorMenuItem(
        _("Import af nøgletal"), reverse("monitoring_import"), icon_name="upload", order=800
    )


@hooks.register("portal_search_sources")
def search_sources():
    return search.sources()
