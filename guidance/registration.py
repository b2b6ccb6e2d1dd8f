"""Registration for things with limited seats: confirmed while seats last, then a waiting list.

Every function takes the event (anything with `capacity`, `registration_deadline`, `start`, a
`registrations` relation to a subclass of AbstractRegistration and an `ical_uid`), so a network
meeting can reuse the rules. Each change locks the event's row, so two requests for the last
seat are served one after the other and the event is never overbooked.
"""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from guidance import ical
from guidance.models import RegistrationStatus

CONFIRMED = RegistrationStatus.CONFIRMED
WAITING = RegistrationStatus.WAITING
CANCELLED = RegistrationStatus.CANCELLED

# The e-mail each outcome sends, and the status the registration must still have when it is sent.
EMAILS = {
    "confirmed": (_("Du er tilmeldt: %(title)s"), CONFIRMED, True),
    "waiting": (_("Du er på ventelisten: %(title)s"), WAITING, False),
    "promoted": (_("Du har fået en plads: %(title)s"), CONFIRMED, True),
}


class RegistrationError(ValidationError):
    """A registration or cancellation the rules refuse; the message is for the reader."""


@dataclass(frozen=True)
class SeatStatus:
    capacity: int
    confirmed: int
    waiting: int

    @property
    def seats_left(self):
        return max(self.capacity - self.confirmed, 0)

    @property
    def is_full(self):
        return self.seats_left == 0


def seat_status(event):
    counts = event.registrations.aggregate(
        confirmed=Count("pk", filter=Q(status=CONFIRMED)),
        waiting=Count("pk", filter=Q(status=WAITING)),
    )
    return SeatStatus(event.capacity or 0, counts["confirmed"], counts["waiting"])


def active_registration(user, event):
    """The user's confirmed or waiting registration for the event, or None."""
    return event.registrations.filter(user=user).exclude(status=CANCELLED).first()


def waiting_position(registration):
    """1 for the first on the waiting list."""
    earlier = Q(created__lt=registration.created) | Q(
        created=registration.created, pk__lt=registration.pk
    )
    return registration.event.registrations.filter(earlier, status=WAITING).count() + 1


def register(user, event):
    """Register the user: confirmed while seats are left, otherwise on the waiting list."""
    with transaction.atomic():
        event = _locked(event)
        _check_open_for_registration(event)
        existing = active_registration(user, event)
        if existing is not None:
            raise RegistrationError(
                _("Du er allerede tilmeldt dette arrangement.")
                if existing.is_confirmed
                else _("Du står allerede på ventelisten til dette arrangement.")
            )
        confirmed = event.registrations.filter(status=CONFIRMED).count()
        status = CONFIRMED if confirmed < event.capacity else WAITING
        registration = event.registrations.create(user=user, status=status)
        _send_later(registration, "confirmed" if status == CONFIRMED else "waiting")
    return registration


def cancel(registration):
    """Cancel a registration; a freed seat goes to the first on the waiting list."""
    with transaction.atomic():
        event = _locked(registration.event)
        registration.refresh_from_db()
        if registration.status == CANCELLED:
            raise RegistrationError(_("Tilmeldingen er allerede afmeldt."))
        if event.has_started():
            raise RegistrationError(
                _("Arrangementet er begyndt, så tilmeldingen kan ikke længere afmeldes.")
            )
        freed_seat = registration.is_confirmed
        registration.status = CANCELLED
        registration.save(update_fields=["status", "updated"])
        if freed_seat:
            fill_seats(event)
    return registration


def fill_seats(event):
    """Confirm the oldest waiting registrations while seats are free (after a cancellation, or
    when an editor raises the capacity); each promoted user gets an e-mail."""
    with transaction.atomic():
        event = _locked(event)
        confirmed = event.registrations.filter(status=CONFIRMED).count()
        free = max((event.capacity or 0) - confirmed, 0)
        promoted = list(event.registrations.filter(status=WAITING).order_by("created", "pk")[:free])
        for registration in promoted:
            registration.status = CONFIRMED
            registration.save(update_fields=["status", "updated"])
            _send_later(registration, "promoted")
    return promoted


def _locked(event):
    """The event, re-read with its row locked until the transaction ends."""
    return type(event).objects.select_for_update(of=("self",)).get(pk=event.pk)


def _check_open_for_registration(event):
    now = timezone.now()
    if event.capacity is None:
        raise RegistrationError(_("Der er ikke tilmelding til dette arrangement."))
    if event.has_started(now):
        raise RegistrationError(
            _("Arrangementet er allerede begyndt eller afholdt, så du kan ikke tilmelde dig.")
        )
    if event.deadline_passed(now):
        deadline = formats.date_format(
            timezone.localtime(event.registration_deadline), "j. F Y \\k\\l. H.i"
        )
        raise RegistrationError(
            _("Tilmeldingsfristen udløb %(deadline)s.") % {"deadline": deadline}
        )


def _send_later(registration, kind):
    label = registration._meta.label
    transaction.on_commit(
        lambda: send_registration_email.enqueue(label, registration.pk, kind), robust=True
    )


@task()
def send_registration_email(model_label, registration_id, kind):
    """Send the e-mail about a registration, if it still has the status the e-mail is about."""
    subject, expected_status, with_calendar = EMAILS[kind]
    model = apps.get_model(model_label)
    registration = model.objects.select_related("user", "event").filter(pk=registration_id).first()
    if registration is None or registration.status != expected_status:
        return
    user, event = registration.user, registration.event
    if not user.is_active or not user.email:
        return
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "registration": registration,
            "event": event,
            "user": user,
            "event_url": getattr(event, "full_url", "") or "",
        }
        if kind == "waiting":
            context["waiting_position"] = waiting_position(registration)
        message = EmailMessage(
            str(subject % {"title": event.title}),
            render_to_string(f"guidance/email/event_registration_{kind}.txt", context),
            to=[user.email],
        )
    if with_calendar:
        message.attach("arrangement.ics", ical.calendar([event]), "text/calendar")
    message.send()
