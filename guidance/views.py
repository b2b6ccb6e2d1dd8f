from django.shortcuts import render
from wagtail.models import Page

from guidance import search as content_search
from guidance.forms import SearchForm

RESULTS_PER_PAGE = 10


def search(request):
    """The search page: published guidance, news, publications and events."""
    form = SearchForm(request.GET or None)
    results_page = None
    if form.is_valid() and form.cleaned_data["q"]:
        data = form.cleaned_data
        results_page = content_search.search_page(
            data["q"], request.GET.get("side"), RESULTS_PER_PAGE, data["type"], data["topic"]
        )
        # Each page as its own type, one query per type rather than one per result.
        specific = Page.objects.filter(pk__in=[p.pk for p in results_page]).specific()
        by_pk = {page.pk: page for page in specific}
        results_page.object_list = [by_pk[p.pk] for p in results_page]
        for page in results_page:
            page.excerpt = content_search.highlight(page.summary, data["q"])
    return render(
        request,
        "guidance/search.html",
        {"form": form, "results_page": results_page, "query_string": _without_page(request)},
    )


def _without_page(request):
    params = request.GET.copy()
    params.pop("side", None)
    return params.urlencode()
