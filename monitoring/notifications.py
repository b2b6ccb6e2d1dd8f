"""E-mails to the caseworkers: after an import, one per caseworker of each municipality with new
red flags; when styrelse writes a note, one per caseworker of the supervising municipality.

The e-mails name no organisation and hold no figures or note text; they link to the portal
behind the log-in. Recipients are chosen when the task runs, so someone who has lost the caseworker role
or left the municipality in between gets nothing.
"""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Count
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from monitoring.models import Flag, Severity, StyrelseNote
from portal import access
from portal.models import Municipality, User
from portal.models.users import NotificationFrequency


def municipalities_with_new_red_flags(since):
    counts = (
        Flag.objects.filter(is_current=True, severity=Severity.RED, raised_at__gte=since)
        .values("organisation__supervising_municipality")
        .annotate(n=Count("pk"))
    )
    ids = [row["organisation__supervising_municipality"] for row in counts if row["n"]]
    return Municipality.objects.filter(pk__in=ids).order_by("code")


def recipients(municipality):
    """Active caseworkers of the municipality with a verified address who take e-mail."""
    return (
        access.caseworkers_of(municipality.pk, User.objects)
        .filter(
            is_active=True,
            deleted_at__isnull=True,
            emailaddress__verified=True,
            emailaddress__primary=True,
        )
        .exclude(notification_frequency=NotificationFrequency.NEVER)
        .distinct()
    )


@task()
def send_flag_digests(since_iso):
    """E-mail the caseworkers of every municipality that got new red flags since `since_iso`."""
    since = datetime.datetime.fromisoformat(since_iso)
    dashboard_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("monitoring:dashboard")
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for municipality in municipalities_with_new_red_flags(since):
            for user in recipients(municipality):
                EmailMessage(
                    _("Nye kritiske flag i Tilsynsportalen"),
                    render_to_string(
                        "monitoring/email/flag_digest.txt",
                        {"user": user, "municipality": municipality, "url": dashboard_url},
                    ),
                    to=[user.email],
                ).send()
                sent += 1
    return sent


@task()
def send_note_notification(note_id):
    """E-mail the supervising municipality's caseworkers that styrelse wrote a note, chosen now:
    someone who left the municipality or lost the role since it was written gets nothing."""
    note = (
        StyrelseNote.objects.filter(pk=note_id)
        .select_related("organisation__supervising_municipality")
        .first()
    )
    if note is None:
        return 0
    municipality = note.organisation.supervising_municipality
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("monitoring:note", args=[note.pk])
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for user in recipients(municipality):
            EmailMessage(
                _("Nyt notat fra Bolig- og Planstyrelsen"),
                render_to_string(
                    "monitoring/email/styrelse_note.txt",
                    {"user": user, "municipality": municipality, "note": note, "url": url},
                ),
                to=[user.email],
            ).send()
            sent += 1
    return sent
