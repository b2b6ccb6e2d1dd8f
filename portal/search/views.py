from functools import partial

from django.http import JsonResponse
from django.shortcuts import render

from portal.cache import content_generation
from portal.search import page, suggest
from portal.search.forms import SearchForm, form_markup
from portal.search.markup import facets_markup

RESULTS_PER_PAGE = 10


def search(request):
    """The search page: every tab the reader may search, with counts, one tab's results."""
    searchable = page.available_sources(request.user, request)
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
            "form_markup": partial(form_markup, request, form),
            "answer": answer,
            "results_page": answer.results_page if answer else None,
            "query_string": _without(request, "side"),
            "facets_markup": (
                partial(facets_markup, answer.facets, _without(request, "side", "type"))
                if answer
                else ""
            ),
            "form_key": _form_key(request, form),
        },
    )


def suggestions(request):
    """Autocomplete for the search field: titles, topics and what else the reader may find."""
    return JsonResponse(
        {"suggestions": suggest.suggestions(request.user, request.GET.get("q", ""))}
    )


def _form_key(request, form):
    """What the form's markup shows when it has no errors: the values asked for and the
    topics offered (content generation); empty when there are errors to show."""
    if form.is_bound and form.errors:
        return ""
    return f"{content_generation(request)}:{request.GET.urlencode()}"


def _without(request, *names):
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()
