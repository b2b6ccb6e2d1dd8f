"""Page routing with what every request shares loaded once per content generation.

For each page request Wagtail looks up the site, its root paths, every page on the way to the
page served, and the view restrictions of the page and its ancestors: five to seven queries that
give the same answer to every request until something is published. Here they come from
`generation_memo` instead, so a request reads from the database only the page it serves (and
what that page lists). Publishing, moving, deleting, a changed site or view restriction bumps
the content generation (portal/signals.py), after which every process looks them up afresh.
"""

import functools

from django.http import Http404
from django.http.request import split_domain_port
from wagtail.models import Page, PageViewRestriction, Site

from portal.cache import generation_memo


def prepare(request):
    """Give the request its site and the site root paths, as Wagtail would look them up."""
    hostname = split_domain_port(request._get_raw_host())[0]  # as Site.find_for_request does
    request._wagtail_site = generation_memo(
        request, ("site", hostname, request.get_port()), lambda: Site.find_for_request(request)
    )
    request._wagtail_cached_site_root_paths = generation_memo(
        request, "site-root-paths", Site.get_site_root_paths
    )


def site(request):
    """The request's site from the memory: the header asks for it on every page, Wagtail's or
    an app's view."""
    if not hasattr(request, "_wagtail_site"):
        prepare(request)
    return request._wagtail_site


def page_on_the_way(request, parent, slug):
    """The child `slug` of `parent`, as its own type, for a request that routes through it.

    Only sections (pages with children) are kept, so made-up URLs below a leaf page or an
    unknown one (a miss raises Http404) cannot fill the memo.
    """
    url_path = f"{parent.url_path}{slug}/"
    child = generation_memo(
        request,
        ("on-the-way", url_path),
        lambda: _specific_page(url_path),
        keep=lambda page: page.numchild > 0,
    )
    child._cached_parent_obj = parent  # as Wagtail's own routing does
    return child


def _specific_page(url_path):
    page = Page.objects.filter(url_path=url_path).first()
    if page is None:
        raise Http404
    return page.specific


def page_at(model, url_path):
    """The page of `model` at `url_path`, or None: the page a request is served is read afresh
    every time, by SQL compiled once per process (compiling the join of a page type with Wagtail's
    page through the ORM cost about as much as the rest of the request's Python)."""
    return next(iter(model.objects.raw(_page_at_sql(model), [url_path])), None)


@functools.cache
def _page_at_sql(model):
    return model.objects.filter(url_path="").order_by().query.sql_with_params()[0]


def view_restrictions(page):
    """The view restrictions that apply to `page`, as Page.get_view_restrictions() finds them.

    A query set all the same, already filled from the memo: iterating it (as Wagtail does when
    serving) costs no query, while the admin's further filtering and ordering query afresh.
    Wagtail applies an alias's restrictions from its source page, so with an alias on the way
    Wagtail's own lookup decides.
    """
    memo = generation_memo(None, "view-restrictions", _restrictions_and_aliases)
    paths = [page.path[:n] for n in range(Page.steplen, len(page.path) + 1, Page.steplen)]
    if page.alias_of_id or memo["aliases"].intersection(paths):
        return None
    found = [r for path in paths for r in memo["by_path"].get(path, ())]
    restrictions = PageViewRestriction.objects.filter(pk__in=[r.pk for r in found])
    # As prefetch_related() fills a query set.
    restrictions._result_cache, restrictions._prefetch_done = found, True
    return restrictions


def restricted_paths():
    """The tree paths of every page with a view restriction (its section is private)."""
    return list(generation_memo(None, "view-restrictions", _restrictions_and_aliases)["by_path"])


def _restrictions_and_aliases():
    by_path = {}
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    for restriction in restrictions:
        by_path.setdefault(restriction.page.path, []).append(restriction)
    aliases = set(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True))
    return {"by_path": by_path, "aliases": aliases}
