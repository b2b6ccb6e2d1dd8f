from django.http import JsonResponse
from django.shortcuts import render

from portal.search import page, suggest
from portal.search.forms import SearchForm

RESULTS_PER_PAGE = 10


def search(request):
    """The search page: every tab the reader may search, with counts, one tab's results."""
    searchable = page.available_sources(request.user)
    form = SearchForm(request.GET or None, tabs=page.tab_keys(searchable))
    answer = None
    if form.is_valid() and form.cleaned_data["q"]:
        data = form.cleaned_data
        answer = page.answer(
            request,
            data["q"],
            searchable,
            tab=data["type"] or None,
            topic=data["topic"] or None,
            period=data["periode"],
            sort=data["sort"],
            page=request.GET.get("side"),
            per_page=RESULTS_PER_PAGE,
        )
    return render(
        request,
        "portal_search/search.html",
        {
            "form": form,
            "answer": answer,
            "results_page": answer.results_page if answer else None,
            "query_string": _without(request, "side"),
            "facet_query_string": _without(request, "side", "type"),
        },
    )


def suggestions(request):
    """Autocomplete for the search field: titles, topics and what else the reader may find."""
    return JsonResponse(
        {"suggestions": suggest.suggestions(request.user, request.GET.get("q", ""))}
    )


def _without(request, *names):
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()
