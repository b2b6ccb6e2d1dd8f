"""Guidance's access rules on top of the roles (`portal/access.py`): the editors' reports are
for styrelse, and an event page's registration and calendar follow the page's view
restrictions, as Wagtail's serve does."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from guidance.models import EventPage
from portal.access import may_edit_content


def may_see_editorial_reports(user):
    """The review report is for those who edit the content it reports on."""
    return may_edit_content(user)


def visible_event_or_404(request, event_id):
    """The live event, if the request passes its view restrictions, as Wagtail's serve does."""
    event = get_object_or_404(EventPage.objects.live(), pk=event_id)
    for restriction in event.get_view_restrictions():
        if not restriction.accept_request(request):
            raise Http404
    return event
