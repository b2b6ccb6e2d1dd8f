"""What the signed-in benchmark adds to the other benchmarks' content: the generated country
evaluated (for the monitoring pages) and a member's notifications, written in bulk."""

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from bench.monitoring import EVALUATION_DATE

NOTIFICATIONS = 60
UNREAD_EVERY = 4


def country(directory, years, seed=1):
    """Generate the country, import its organisations, estates and `years`, and evaluate."""
    from bench import monitoring_country
    from monitoring import evaluation

    monitoring_country.write_files(seed, directory)
    monitoring_country.import_entity_files(directory)
    for year in years:
        monitoring_country.import_year(directory, year)
    evaluation.evaluate(today=EVALUATION_DATE)


def monitoring_pages():
    """(municipality code, organisation, estate, flag): the organisation with the most estates,
    its estate with the most flags, and that estate's latest flag, whose page is the case's."""
    from monitoring.models import Estate, Flag, Organisation

    organisation = (
        Organisation.objects.annotate(n=Count("estates"))
        .select_related("supervising_municipality")
        .order_by("-n", "org_no")
        .first()
    )
    estate = (
        Estate.objects.filter(organisation=organisation)
        .annotate(n=Count("flags"))
        .order_by("-n", "estate_no")
        .first()
    )
    flag = Flag.objects.filter(estate=estate).exclude(case=None).order_by("-year", "pk").first()
    return organisation.supervising_municipality.code, organisation, estate, flag


@transaction.atomic
def notifications(reader, group):
    """The reader follows `group` and has a notification about each of its latest threads,
    one in UNREAD_EVERY unread."""
    from network.models import Follow, Notification, NotificationKind

    Follow.objects.get_or_create(user=reader, group=group)
    now = timezone.now()
    threads = group.threads.order_by("-last_activity")[:NOTIFICATIONS]
    Notification.objects.bulk_create(
        Notification(
            recipient=reader,
            kind=NotificationKind.NEW_THREAD,
            thread=thread,
            created=thread.last_activity,
            read_at=None if n % UNREAD_EVERY == 0 else now,
            emailed_at=now,
        )
        for n, thread in enumerate(threads)
    )
