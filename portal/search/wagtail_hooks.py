from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.admin_menus import EditorMenuItem
from portal.search.models import PromotedResult, SearchSynonym
from portal.search.reports import UnansweredQueriesView


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "list-ul"
    menu_label = _("Synonymer")
    list_display = ["terms", "alternatives", "both_ways"]
    search_fields = ["terms", "alternatives"]


class PromotedResultViewSet(SnippetViewSet):
    model = PromotedResult
    icon = "pick"
    menu_label = _("Anbefalede resultater")
    list_display = ["queries", "page", "sort_order"]
    search_fields = ["queries"]


class SearchViewSetGroup(SnippetViewSetGroup):
    items = (SearchSynonymViewSet, PromotedResultViewSet)
    menu_icon = "search"
    menu_label = _("Søgning")
    menu_name = "search-tuning"


register_snippet(SearchViewSetGroup)


@hooks.register("register_admin_urls")
def register_unanswered_queries_urls():
    return [
        path("soegninger-uden-svar/", UnansweredQueriesView.as_view(), name="unanswered_queries"),
        path(
            "soegninger-uden-svar/resultater/",
            UnansweredQueriesView.as_view(results_only=True),
            name="unanswered_queries_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_unanswered_queries_menu_item():
    return EditorMenuItem(
        _("Søgninger uden svar"), reverse("unanswered_queries"), icon_name="search", order=200
    )
