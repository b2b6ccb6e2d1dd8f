"""Editors' report of guidance due for review: last reviewed more than twelve months ago."""

import datetime

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView

from guidance import access
from guidance.models import GuidancePage, Topic
from portal.exports import SafeSpreadsheetExportMixin

REVIEW_INTERVAL_DAYS = 365


def review_due_before(today=None):
    """Guidance last reviewed before this date is due for review."""
    return (today or timezone.localdate()) - datetime.timedelta(days=REVIEW_INTERVAL_DAYS)


class ReviewDueFilterSet(WagtailFilterSet):
    topics = django_filters.ModelChoiceFilter(label=_("Emne"), queryset=Topic.objects.all())
    content_owner = django_filters.CharFilter(label=_("Indholdsansvarlig"), lookup_expr="icontains")

    class Meta:
        model = GuidancePage
        fields = ["topics", "content_owner"]


class ReviewDueView(SafeSpreadsheetExportMixin, ReportView):
    page_title = _("Vejledning til gennemgang")
    header_icon = "date"
    results_template_name = "guidance/reports/review_due_results.html"
    filterset_class = ReviewDueFilterSet
    index_url_name = "guidance_review_due"
    index_results_url_name = "guidance_review_due_results"
    list_export = ["title", "last_reviewed", "content_owner", "full_url"]
    export_headings = {
        "title": _("Titel"),
        "last_reviewed": _("Senest gennemgået"),
        "content_owner": _("Indholdsansvarlig"),
        "full_url": _("Adresse"),
    }
    permission_required = "view"

    def user_has_permission(self, permission):
        return access.may_see_editorial_reports(self.request.user)

    def get_queryset(self):
        return (
            GuidancePage.objects.live()
            .filter(last_reviewed__lt=review_due_before())
            .order_by("last_reviewed", "title")
        )

    def get_filename(self):
        return f"vejledning-til-gennemgang-{timezone.localdate():%Y-%m-%d}"
