"""Wagtail's own admin reports (/admin/reports/…) with their CSV and XLSX cells neutralised
(portal/exports.py): page titles and log labels are text anyone with an editor account chooses.

portal/urls.py lists these routes before Wagtail's admin, so they answer Wagtail's report URLs
(and its URL names, which reverse to the same paths); the routes are read from Wagtail's own."""

from django.urls import path
from wagtail.admin.auth import require_admin_access
from wagtail.admin.urls import reports as wagtail_reports

from portal.exports import SafeSpreadsheetExportMixin


def _safe_view(wagtail_view):
    """The same view, as Wagtail's admin serves it, with SafeSpreadsheetExportMixin first."""
    report = wagtail_view.view_class
    safe_report = type(report.__name__, (SafeSpreadsheetExportMixin, report), {})
    return require_admin_access(safe_report.as_view(**wagtail_view.view_initkwargs))


urlpatterns = [
    path(str(pattern.pattern), _safe_view(pattern.callback))
    for pattern in wagtail_reports.urlpatterns
]
