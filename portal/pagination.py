"""The query string a list's pagination links carry (templates/includes/pagination.html)."""


def query_string(request, page_parameter="side"):
    """The request's query without its page number: the links to other pages keep the
    filters."""
    query = request.GET.copy()
    query.pop(page_parameter, None)
    return query.urlencode()
