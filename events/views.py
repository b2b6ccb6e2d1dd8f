"""Telling the reader the outcome of registering for or cancelling any RegistrableEvent, and
sending events as iCalendar files; used by conference pages (guidance) and network meetings."""

from django.contrib import messages
from django.http import HttpResponse
from django.utils.translation import gettext as _

from events import ical, registration


def register_and_tell(request, event):
    """Register the signed-in reader for any RegistrableEvent and tell them the outcome."""
    try:
        outcome = registration.register(request.user, event)
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


def cancel_and_tell(request, event):
    """Cancel the signed-in reader's registration for any RegistrableEvent and tell them."""
    own = registration.active_registration(request.user, event)
    if own is None:
        messages.error(request, _("Du er ikke tilmeldt dette arrangement."))
        return
    try:
        registration.cancel(own)
    except registration.RegistrationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Du er afmeldt %(title)s.") % {"title": event.title})


def calendar_download(event, filename):
    """One event as an .ics file to add to the reader's calendar."""
    response = calendar_response(ical.calendar([event]))
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response


def calendar_response(content):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["X-Content-Type-Options"] = "nosniff"
    return response
