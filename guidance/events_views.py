"""Registration, cancellation and iCalendar downloads for events; all answer 404 for an event
the reader may not see. The outcome is told by the events app, as for network meetings."""

import datetime

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from events import ical, participants
from events.views import calendar_download, calendar_response, cancel_and_tell, register_and_tell
from guidance import access
from guidance.models import EventPage

# How long the calendar feed keeps an event after it has ended.
FEED_KEEPS_PAST_EVENTS = datetime.timedelta(days=180)


def _registration_view(act):
    """A POST view doing `act(request, event)` for a signed-in reader, back to the event
    unless `act` answers itself."""

    @require_POST
    def view(request, event_id):
        event = access.visible_event_or_404(request, event_id)
        if not request.user.is_authenticated:
            return redirect_to_login(event.url)
        return act(request, event) or redirect(event.url)

    return view


register = _registration_view(register_and_tell)
cancel = _registration_view(cancel_and_tell)


def event_calendar(request, event_id):
    event = access.visible_event_or_404(request, event_id)
    return calendar_download(event, event.slug)


@login_required
def participant_list(request, event_id, file_format):
    """Who is coming, with their answers: for those who may edit the event's page."""
    event = access.visible_event_or_404(request, event_id)
    if not event.has_registration or not event.permissions_for_user(request.user).can_edit():
        raise Http404
    return participants.response(event, file_format, f"deltagere-{event.slug}")


def calendar_feed(request):
    """Upcoming and recent public events, for a calendar to subscribe to."""
    events = (
        EventPage.objects.live()
        .public()
        .filter(end__gte=timezone.now() - FEED_KEEPS_PAST_EVENTS)
        .order_by("start", "pk")
    )
    return calendar_response(
        ical.calendar(events, name=_("Tilsynsportalen: konferencer og arrangementer"))
    )
