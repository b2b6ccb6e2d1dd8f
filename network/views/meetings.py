"""A group's meetings: the list, a meeting's page, planning, registration and the calendar file.

Registration, its messages and the .ics file are guidance's, shared with conferences.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from events import participants, registration
from events.views import (
    calendar_download,
    cancel_and_tell,
    register_and_tell,
    registration_context,
)
from network import access
from network.forms import MeetingForm, MeetingQuestionFormSet
from network.models import Meeting
from network.views.gate import network_view, readable_group, readable_meeting

PAST_MEETINGS_PER_PAGE = 20


@network_view
def meeting_list(request, slug):
    group = readable_group(request.user, slug)
    past = Paginator(group.meetings.past(), PAST_MEETINGS_PER_PAGE).get_page(
        request.GET.get("side")
    )
    return render(
        request,
        "network/meeting_list.html",
        {
            "group": group,
            "upcoming_meetings": group.meetings.upcoming(),
            "page_obj": past,
            "may_manage_meetings": access.may_manage_meetings(request.user, group),
        },
    )


@network_view
def meeting_page(request, slug, pk):
    user = request.user
    meeting = readable_meeting(user, slug, pk)
    group = meeting.group
    is_member = access.may_post(user, group)
    context = {
        **registration_context(user, meeting),
        "group": group,
        "meeting": meeting,
        "attendance_refusal": meeting.attendance_refusal(user),
        "membership": access.network_membership(user, group),
        "may_manage_meetings": access.may_manage_meetings(user, group),
    }
    if is_member:
        context["attendees"] = meeting.registrations.filter(
            status=registration.CONFIRMED
        ).select_related("user__municipality")
    return render(request, "network/meeting.html", context)


@network_view
def create_meeting(request, slug):
    group = readable_group(request.user, slug)
    return _edit_meeting(request, Meeting(group=group, created_by=request.user))


@network_view
def edit_meeting(request, slug, pk):
    return _edit_meeting(request, readable_meeting(request.user, slug, pk))


def _edit_meeting(request, meeting):
    if not access.may_manage_meetings(request.user, meeting.group):
        raise Http404
    form = MeetingForm(request.POST or None, instance=meeting)
    questions = MeetingQuestionFormSet(request.POST or None, instance=meeting, prefix="spoergsmaal")
    if request.method == "POST" and form.is_valid() and questions.is_valid():
        with transaction.atomic():
            meeting = form.save()
            questions.instance = meeting
            questions.save()
            if not meeting.has_started():
                registration.fill_seats(meeting)  # a raised capacity seats the waiting list
        messages.success(request, _("Mødet er gemt."))
        return redirect(meeting)
    return render(
        request,
        "network/meeting_form.html",
        {"form": form, "questions": questions, "group": meeting.group, "meeting": meeting},
    )


def _registration_view(act):
    """A POST view doing the events app's `act(request, event)` for the meeting, back to its
    page unless `act` answers itself."""

    @require_POST
    @network_view
    def view(request, slug, pk):
        meeting = readable_meeting(request.user, slug, pk)
        return act(request, meeting) or redirect(meeting)

    return view


register = _registration_view(register_and_tell)
cancel = _registration_view(cancel_and_tell)


@network_view
def meeting_calendar(request, slug, pk):
    meeting = readable_meeting(request.user, slug, pk)
    return calendar_download(meeting, f"moede-{meeting.pk}")


@network_view
def participant_list(request, slug, pk, file_format):
    """Who is coming, with their answers: for those who plan the group's meetings."""
    meeting = readable_meeting(request.user, slug, pk)
    if not access.may_manage_meetings(request.user, meeting.group):
        raise Http404
    return participants.response(meeting, file_format, f"deltagere-moede-{meeting.pk}")
