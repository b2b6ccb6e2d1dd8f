"""Styrelsen's notes: styrelse writes one on an organisation or estate; the supervising
municipality reads and answers it, the estate's location municipality reads it."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from monitoring import access, entity_access, notes
from monitoring.forms import NoteReplyForm, StyrelseNoteForm
from monitoring.models import Organisation, StyrelseNote
from monitoring.views.gate import monitoring_view
from portal.audit import record
from portal.models import AuditEvent


@monitoring_view
def note_new(request, org_no):
    if not access.may_write_notes(request.user):
        raise Http404
    organisation, _version = entity_access.visible_organisation(request.user, org_no)
    initial = {}
    estate_no = request.GET.get("afdeling", "")
    if estate_no:
        initial["estate"] = organisation.estates.filter(estate_no=estate_no).first()
    form = StyrelseNoteForm(
        request.POST if request.method == "POST" else None,
        organisation=organisation,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        note = notes.write(request.user, organisation, form.cleaned_data)
        messages.success(request, _("Notatet er gemt, og tilsynskommunen har fået besked."))
        return redirect("monitoring:note", pk=note.pk)
    return render(
        request, "monitoring/note_form.html", {"organisation": organisation, "form": form}
    )


@monitoring_view
def note_page(request, pk):
    note = get_object_or_404(
        StyrelseNote.objects.readable_by(request.user).select_related(
            "organisation__supervising_municipality", "estate__municipality", "author"
        ),
        pk=pk,
    )
    may_answer = access.may_answer_note(request.user, note)
    form = None
    if may_answer:
        form = NoteReplyForm(
            request.POST if request.method == "POST" else None, initial={"status": note.status}
        )
        if request.method == "POST" and form.is_valid():
            notes.answer(note, request.user, form.cleaned_data)
            messages.success(request, _("Svaret er gemt."))
            return redirect("monitoring:note", pk=note.pk)
    elif request.method == "POST":
        raise Http404
    record(AuditEvent.Kind.NOTE_VIEWED, note=note.pk, organisation=note.organisation.org_no)
    return render(
        request,
        "monitoring/note.html",
        {
            "note": note,
            "organisation": note.organisation,
            "form": form,
            "replies": notes.replies(note),
            "may_see_organisation": Organisation.objects.visible_to(request.user)
            .filter(pk=note.organisation_id)
            .exists(),
        },
    )
