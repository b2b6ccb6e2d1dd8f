"""Registration for things with limited seats: confirmed while seats last, then a waiting list.

Every function takes the event: anything that is an events.models.RegistrableEvent (a
conference page, a network meeting), so both follow the same rules. An event without a capacity
has no seat limit. Each change locks the event's row, so two requests for the last seat are
served one after the other and the event is never overbooked.
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

from events import ical
from events.models import RegistrationStatus, answer_text
from portal.task_queue import enqueue_with_transaction

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
    capacity: int | None  # None: no seat limit
    confirmed: int
    waiting: int

    @property
    def seats_left(self):
        return None if self.capacity is None else max(self.capacity - self.confirmed, 0)

    @property
    def is_full(self):
        return self.seats_left == 0


def seat_status(event):
    counts = event.registrations.aggregate(
        confirmed=Count("pk", filter=Q(status=CONFIRMED)),
        waiting=Count("pk", filter=Q(status=WAITING)),
    )
    return SeatStatus(event.capacity, counts["confirmed"], counts["waiting"])


def active_registration(user, event):
    """The user's confirmed or waiting registration for the event, or None."""
    return event.registrations.filter(user=user).exclude(status=CANCELLED).first()


def waiting_position(registration):
    """1 for the first on the waiting list."""
    earlier = Q(created__lt=registration.created) | Q(
        created=registration.created, pk__lt=registration.pk
    )
    return registration.event.registrations.filter(earlier, status=WAITING).count() + 1


def register(user, event, *, answers=(), email=True):
    """Register the user: confirmed while seats are left, otherwise on the waiting list.
    `answers` are the registration form's (RegistrationForm.answers). `email=False` tells no
    one (the demo's loader registers people who did not ask)."""
    with transaction.atomic():
        event = _locked(event)
        _check_open_for_registration(event, user)
        existing = active_registration(user, event)
        if existing is not None:
            raise RegistrationError(
                _("Du er allerede tilmeldt dette arrangement.")
                if existing.is_confirmed
                else _("Du står allerede på ventelisten til dette arrangement.")
            )
        confirmed = event.registrations.filter(status=CONFIRMED).count()
        status = CONFIRMED if event.capacity is None or confirmed < event.capacity else WAITING
        registration = event.registrations.create(user=user, status=status, answers=list(answers))
        if email:
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
        waiting = event.registrations.filter(status=WAITING).order_by("created", "pk")
        if event.capacity is not None:
            confirmed = event.registrations.filter(status=CONFIRMED).count()
            waiting = waiting[: max(event.capacity - confirmed, 0)]
        promoted = list(waiting)
        for registration in promoted:
            registration.status = CONFIRMED
            registration.save(update_fields=["status", "updated"])
            _send_later(registration, "promoted")
    return promoted


def _locked(event):
    """The event, re-read with its row locked until the transaction ends."""
    return type(event).objects.select_for_update(of=("self",)).get(pk=event.pk)


def give_up_coming_seats(registrations):
    """Cancel those of the registrations that are active, for events not yet begun, so each
    waiting list moves up (a person who leaves or deletes their account)."""
    coming = registrations.filter(event__start__gt=timezone.now()).exclude(status=CANCELLED)
    for seat in coming.select_related("event"):
        cancel(seat)


def _check_open_for_registration(event, user):
    now = timezone.now()
    if not event.has_registration:
        raise RegistrationError(_("Der er ikke tilmelding til dette arrangement."))
    refusal = event.attendance_refusal(user)
    if refusal is not None:
        raise RegistrationError(refusal)
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
    enqueue_with_transaction(
        send_registration_email, registration._meta.label, registration.pk, kind
    )


@task()
def send_registration_email(model_label, registration_id, kind):
    """Send the e-mail about a registration, if it still has the status the e-mail is about and
    the user may still take part (a member removed from a meeting's group gets nothing)."""
    subject, expected_status, with_calendar = EMAILS[kind]
    model = apps.get_model(model_label)
    registration = model.objects.select_related("user", "event").filter(pk=registration_id).first()
    if registration is None or registration.status != expected_status:
        return
    user, event = registration.user, registration.event
    if not user.is_active or not user.email or event.attendance_refusal(user) is not None:
        return
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "registration": registration,
            "event": event,
            "user": user,
            "event_url": event.public_url,
            "answers": [
                (answer["question"], answer_text(answer)) for answer in registration.answers
            ],
        }
        if kind == "waiting":
            context["waiting_position"] = waiting_position(registration)
        message = EmailMessage(
            str(subject % {"title": event.title}),
            render_to_string(f"events/email/event_registration_{kind}.txt", context),
            to=[user.email],
        )
    if with_calendar:
        message.attach("arrangement.ics", ical.calendar([event]), "text/calendar")
    message.send()
