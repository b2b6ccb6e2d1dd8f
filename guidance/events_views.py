"""Registration, cancellation and iCalendar downloads for events; all answer 404 for an event
the reader may not see. Network meetings reuse the helpers that tell the reader the outcome."""

import datetime

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from guidance import ical, registration
from guidance.models import EventPage

# How long the calendar feed keeps an event after it has ended.
FEED_KEEPS_PAST_EVENTS = datetime.timedelta(days=180)


def visible_event_or_404(request, event_id):
    """The live event, if the request passes its view restrictions, as Wagtail's serve does."""
    event = get_object_or_404(EventPage.objects.live(), pk=event_id)
    for restriction in event.get_view_restrictions():
        if not restriction.accept_request(request):
            raise Http404
    return event


def _registration_view(act):
    """A POST view doing `act(request, event)` for a signed-in reader, back to the event."""

    @require_POST
    def view(request, event_id):
        event = visible_event_or_404(request, event_id)
        if not request.user.is_authenticated:
            return redirect_to_login(event.url)
        act(request, event)
        return redirect(event.url)

    return view


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


register = _registration_view(register_and_tell)
cancel = _registration_view(cancel_and_tell)


def calendar_download(event, filename):
    """One event as an .ics file to add to the reader's calendar."""
    response = _calendar_response(ical.calendar([event]))
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response


def event_calendar(request, event_id):
    event = visible_event_or_404(request, event_id)
    return calendar_download(event, event.slug)


def calendar_feed(request):
    """Upcoming and recent public events, for a calendar to subscribe to."""
    events = (
        EventPage.objects.live()
        .public()
        .filter(end__gte=timezone.now() - FEED_KEEPS_PAST_EVENTS)
        .order_by("start", "pk")
    )
    return _calendar_response(
        ical.calendar(events, name=_("Tilsynsportalen: konferencer og arrangementer"))
    )


def _calendar_response(content):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["X-Content-Type-Options"] = "nosniff"
    return response
