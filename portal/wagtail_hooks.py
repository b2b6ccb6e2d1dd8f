from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.admin_menus import AdministratorMenuItem
from portal.audit_report import AuditLogView
from portal.models import Municipality


@hooks.register("register_admin_urls")
def register_audit_log_urls():
    return [
        path("sikkerhedslog/", AuditLogView.as_view(), name="audit_log"),
        path(
            "sikkerhedslog/resultater/",
            AuditLogView.as_view(results_only=True),
            name="audit_log_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_audit_log_menu_item():
    return AdministratorMenuItem(
        _("Sikkerhedslog"), reverse("audit_log"), icon_name="warning", order=900
    )


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "site"
    menu_label = _("Kommuner")
    list_display = ["name", "code", "region"]
    list_filter = ["region"]
    search_fields = ["name"]


register_snippet(MunicipalityViewSet)
