"""Telling the reader the outcome of registering for or cancelling any RegistrableEvent, their
own registrations ("Mine tilmeldinger"), and events as iCalendar files; used by conference pages
(guidance) and network meetings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from events import ical, registration
from events.forms import RegistrationForm
from events.models import AbstractRegistration


def registration_context(user, event):
    """What events/registration_section.html needs, for any RegistrableEvent."""
    own = registration.active_registration(user, event) if user.is_authenticated else None
    return {
        "seats": registration.seat_status(event),
        "own_registration": own,
        "waiting_position": registration.waiting_position(own) if own and own.is_waiting else None,
        "registration_form": RegistrationForm(event.questions.all()),
    }


def register_and_tell(request, event):
    """Register the signed-in reader for any RegistrableEvent with their answers and tell them
    the outcome; answers that do not validate are shown again, with the errors, as a response."""
    form = RegistrationForm(event.questions.all(), request.POST)
    if not form.is_valid():
        return render(request, "events/registration_form.html", {"event": event, "form": form})
    try:
        outcome = registration.register(request.user, event, answers=form.answers())
    except registration.RegistrationError as error:
        messages.error(request, error.message)
    else:
        if outcome.is_confirmed:
            messages.success(
                request,
                _("Du er tilmeldt %(title)s. Vi har sendt en bekræftelse til din e-mail.")
                % {"title": event.title},
            )
        else:
            messages.info(
                request,
                _(
                    "Arrangementet er fuldt, så du står nu på ventelisten som nummer %(position)s. "
                    "Vi skriver til dig, hvis du får en plads."
                )
                % {"position": registration.waiting_position(outcome)},
            )
    return None


def cancel_and_tell(request, event):
    """Cancel the signed-in reader's registration for any RegistrableEvent and tell them."""
    own = registration.active_registration(request.user, event)
    if own is None:
        messages.error(request, _("Du er ikke tilmeldt dette arrangement."))
        return
    _cancel(request, own)


def _cancel(request, own):
    try:
        registration.cancel(own)
    except registration.RegistrationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Du er afmeldt %(title)s.") % {"title": own.event.title})


@login_required
def my_registrations(request):
    """The reader's registrations to conferences and network meetings, soonest first."""
    rows = [
        row
        for model in AbstractRegistration.kinds().values()
        for row in model.mine(request.user).with_waiting_position()
    ]
    rows.sort(key=lambda row: (row.event.start, row.pk))
    now = timezone.now()
    return render(
        request,
        "events/my_registrations.html",
        {
            "upcoming": [row for row in rows if row.event.end >= now],
            "past": [row for row in reversed(rows) if row.event.end < now],
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def cancel_my_registration(request, kind, pk):
    """Asks before it cancels (GET), cancels on POST; another's registration is a 404."""
    model = AbstractRegistration.kinds().get(kind)
    if model is None:
        raise Http404
    own = model.mine(request.user).filter(pk=pk).exclude(status=registration.CANCELLED).first()
    if own is None:
        raise Http404
    if request.method == "POST":
        _cancel(request, own)
        return redirect("events:my_registrations")
    return render(request, "events/cancel_registration.html", {"registration": own})


def calendar_download(event, filename):
    """One event as an .ics file to add to the reader's calendar."""
    response = calendar_response(ical.calendar([event]))
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response


def calendar_response(content):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["X-Content-Type-Options"] = "nosniff"
    return response
