from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from guidance.reports import ReviewDueView
from portal.admin_menus import EditorMenuItem


@hooks.register("register_admin_urls")
def register_review_report_urls():
    return [
        path("vejledning-til-gennemgang/", ReviewDueView.as_view(), name="guidance_review_due"),
        path(
            "vejledning-til-gennemgang/resultater/",
            ReviewDueView.as_view(results_only=True),
            name="guidance_review_due_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return EditorMenuItem(
        _("Vejledning til gennemgang"), reverse("guidance_review_due"), icon_name="date", order=100
    )
