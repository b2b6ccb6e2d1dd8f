"""Counting related rows for each row of a list, in the list's own query."""

from django.db.models import Count, IntegerField, Subquery
from django.db.models.functions import Coalesce


def correlated_count(queryset, by):
    """How many rows of `queryset` (filtered on an OuterRef) share `by`, as a subquery; 0 for
    none. Counts of several relations side by side this way don't multiply each other's rows."""
    return Coalesce(
        Subquery(
            queryset.order_by().values(by).annotate(n=Count("pk")).values("n")[:1],
            output_field=IntegerField(),
        ),
        0,
    )
