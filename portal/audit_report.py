"""The audit log in the Wagtail admin: administrators read and filter security events."""

import datetime

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.reports import ReportView

from portal import access
from portal.exports import SafeSpreadsheetExportMixin
from portal.models import AuditEvent


class AuditEventFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Hændelse"), choices=AuditEvent.Kind.choices)
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Tidspunkt"), widget=DateRangePickerWidget
    )
    email = django_filters.CharFilter(
        label=_("Bruger (e-mail)"), field_name="subject__email", lookup_expr="icontains"
    )
    ip_address = django_filters.CharFilter(label=_("IP-adresse"))

    class Meta:
        model = AuditEvent
        fields = ["kind", "created_at", "email", "ip_address"]


class AuditLogView(SafeSpreadsheetExportMixin, ReportView):
    page_title = _("Sikkerhedslog")
    header_icon = "warning"
    results_template_name = "portal/reports/audit_log_results.html"
    filterset_class = AuditEventFilterSet
    index_url_name = "audit_log"
    index_results_url_name = "audit_log_results"
    list_export = ["created_at", "kind", "subject.email", "actor.email", "ip_address", "details"]
    export_headings = {
        "created_at": _("Tidspunkt"),
        "kind": _("Hændelse"),
        "subject.email": _("Vedrører"),
        "actor.email": _("Udført af"),
        "ip_address": _("IP-adresse"),
        "details": _("Detaljer"),
    }

    # Without permission_required, Wagtail never asks user_has_permission: every admin user could
    # read and export the log.
    permission_required = "view"

    def user_has_permission(self, permission):
        return access.is_administrator(self.request.user)

    def to_row_dict(self, item):
        """A failed log-in or a lock-out may have no subject or actor: those cells stay empty.
        The event kind is exported by its Danish name."""
        row = {}
        for field in self.list_export:
            owner, _dot, attribute = field.rpartition(".")
            target = getattr(item, owner) if owner else item
            row[field] = "" if target is None else getattr(target, attribute)
        row["kind"] = item.get_kind_display()
        return row

    def get_queryset(self):
        return AuditEvent.objects.select_related("subject", "actor")

    def get_filename(self):
        return f"sikkerhedslog-{datetime.date.today():%Y-%m-%d}"
