"""`/healthz` for a load balancer: does each service this server needs answer, and is the
background work keeping up.

Only the database is critical: without it the server cannot answer, so a failure there gives
HTTP 503 and takes the server out of rotation. The cache, the search engine and the task worker
degrade the portal without stopping it (log-in, database search and queued work carry on), so
their failures give status "degraded" with HTTP 200, for monitoring to alert on. Apps add checks
of their own with `register` (monitoring reports its last import). A check returns a short
detail or raises `Unhealthy`; any other exception fails it too and is named only by its type, so
no host name or credential reaches the answer.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)

_checks = {}


class Unhealthy(Exception):
    """A service answers, but not well enough to send users here."""


def register(name, check, *, critical=False):
    """Add `check()` to `/healthz` under `name`; a critical one failing gives HTTP 503."""
    _checks[name] = (check, critical)


def database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return connection.vendor


def shared_cache():
    key = "healthz:probe"
    value = str(time.monotonic())
    cache.set(key, value, 30)
    if cache.get(key) != value:
        raise Unhealthy("the cache does not keep what it is given")
    if getattr(cache, "failing_over", False):
        raise Unhealthy("Redis does not answer; this server uses its own memory")
    return "ok"


def task_queue():
    """The age of the oldest task waiting to run: a worker that stopped shows here first."""
    if settings.TASKS["default"]["BACKEND"] != "django_tasks_db.DatabaseBackend":
        return "tasks run in the request"
    from django_tasks_db.models import DBTaskResult

    oldest = DBTaskResult.objects.ready().order_by("enqueued_at").values("enqueued_at").first()
    if oldest is None:
        return "empty"
    age = (timezone.now() - oldest["enqueued_at"]).total_seconds()
    if age > settings.HEALTH_MAX_TASK_AGE:
        raise Unhealthy(f"oldest waiting task is {age:.0f} s old")
    return f"oldest waiting task {age:.0f} s"


def search_engine():
    """Elasticsearch, when configured, answers a ping; otherwise the database searches."""
    if "database" not in settings.WAGTAILSEARCH_BACKENDS:
        return "database search"
    from wagtail.search.backends import get_search_backend

    if not get_search_backend("default").es.ping():
        raise Unhealthy("Elasticsearch does not answer; searches use the database")
    return "elasticsearch"


register("database", database, critical=True)
register("cache", shared_cache)
register("tasks", task_queue)
register("search", search_engine)


@never_cache
def healthz(request):
    results, failed = {}, set()
    for name, (check, critical) in _checks.items():
        try:
            results[name] = {"ok": True, "detail": check()}
        except Exception as error:  # a health check reports every failure, whatever its kind
            logger.warning("Health check %s failed: %r", name, error)
            detail = str(error) if isinstance(error, Unhealthy) else type(error).__name__
            results[name] = {"ok": False, "detail": detail}
            failed.add("critical" if critical else "other")
    status = "fail" if "critical" in failed else "degraded" if failed else "ok"
    return JsonResponse(
        {"status": status, "checks": results}, status=503 if status == "fail" else 200
    )
