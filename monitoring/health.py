"""Monitoring's part of `/healthz`: when key figures were last imported, and for which year."""

from monitoring.models import ImportBatch
from portal.health import Unhealthy


def last_import():
    batch = (
        ImportBatch.objects.filter(kind=ImportBatch.Kind.KEY_FIGURES)
        .exclude(status=ImportBatch.Status.RUNNING)
        .values("year", "status", "finished_at")
        .first()
    )
    if batch is None:
        return "no key figures imported yet"
    summary = f"{batch['year']} at {batch['finished_at']:%Y-%m-%dT%H:%M}Z"
    if batch["status"] == ImportBatch.Status.FAILED:
        raise Unhealthy(f"the last import ({summary}) was refused")
    return summary
