from django.db import models
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms.models import register_form_field_override
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.admin_menus import AdministratorMenuItem
from portal.audit_report import AuditLogView
from portal.decimal_input import DecimalInputField
from portal.models import Municipality
from portal.slugs import DanishSlugInput


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


# Every decimal in the admin (flag-rule thresholds, assessment weights) is typed as text and read
# with a comma or a point: a number input in a Danish browser turned "6,0" into 60.
register_form_field_override(models.FloatField, override={"form_class": DecimalInputField})
# Slugs in ASCII with æ, ø and å written out (portal/slugs.py).
register_form_field_override(models.SlugField, override={"widget": DanishSlugInput})
