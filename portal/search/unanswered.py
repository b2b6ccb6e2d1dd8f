"""The queries that found nothing or little, counted per day for the editors, without who asked."""

import datetime

from django.db.models import F
from django.utils import timezone

from portal.search import analysis
from portal.search.models import UnansweredQuery

# A query with at most this many results is logged: editors may add a synonym or a recommendation.
FEW_RESULTS = 2
KEEP_DAYS = 90


def record(text, result_count):
    """Count one search with few results today; the first of a day prunes what is too old."""
    if result_count > FEW_RESULTS:
        return
    query = " ".join(analysis.words(text))[: UnansweredQuery._meta.get_field("query").max_length]
    if not query:
        return
    today = timezone.localdate()
    counted = UnansweredQuery.objects.filter(day=today, query=query).update(
        searches=F("searches") + 1, results=result_count
    )
    if not counted:
        _, created = UnansweredQuery.objects.get_or_create(
            day=today, query=query, defaults={"searches": 1, "results": result_count}
        )
        if created:
            prune(today)


def prune(today):
    UnansweredQuery.objects.filter(day__lt=today - datetime.timedelta(days=KEEP_DAYS)).delete()
