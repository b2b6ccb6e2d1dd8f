"""Editors' report of queries that found nothing or little: where a synonym or a recommended
result would help. The last 90 days, most searched first."""

import django_filters
from django.db.models import Count, Max, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.reports import ReportView

from portal import access
from portal.exports import SafeSpreadsheetExportMixin
from portal.search.models import UnansweredQuery


class UnansweredQueryFilterSet(WagtailFilterSet):
    day = django_filters.DateFromToRangeFilter(label=_("Dag"), widget=DateRangePickerWidget)
    query = django_filters.CharFilter(label=_("Søgning"), lookup_expr="icontains")

    class Meta:
        model = UnansweredQuery
        fields = ["day", "query"]


class UnansweredQueriesView(SafeSpreadsheetExportMixin, ReportView):
    page_title = _("Søgninger uden svar")
    header_icon = "search"
    results_template_name = "portal_search/reports/unanswered_queries_results.html"
    filterset_class = UnansweredQueryFilterSet
    index_url_name = "unanswered_queries"
    index_results_url_name = "unanswered_queries_results"
    list_export = ["query", "searches", "days", "results", "last_searched"]
    export_headings = {
        "query": _("Søgning"),
        "searches": _("Søgninger"),
        "days": _("Dage"),
        "results": _("Resultater senest"),
        "last_searched": _("Senest søgt"),
    }
    permission_required = "view"

    def user_has_permission(self, permission):
        return access.may_edit_content(self.request.user)

    def get_queryset(self):
        return UnansweredQuery.objects.all()

    def filter_queryset(self, queryset):
        """One row a query: its searches summed over the days chosen."""
        return (
            super()
            .filter_queryset(queryset)
            .values("query")
            .annotate(
                searches=Sum("searches"),
                days=Count("day"),
                results=Max("results"),
                last_searched=Max("day"),
            )
            .order_by("-searches", "query")
        )

    def get_filename(self):
        return f"soegninger-uden-svar-{timezone.localdate():%Y-%m-%d}"
