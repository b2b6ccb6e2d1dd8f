"""The organiser's list of who is coming to any RegistrableEvent, with their answers, as CSV or
XLSX. Cells go through portal.exports, so an answer cannot run as a spreadsheet formula."""

import openpyxl
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import RegistrationStatus, answer_text
from portal.exports import SafeCsvWriter, safe_row

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def rows(event):
    """The header, then one row per confirmed or waiting registration, in order of arrival.

    One column per question the event asks now, then any question answered earlier and since
    removed; each answer goes under the question text it was given to."""
    registrations = list(
        event.registrations.exclude(status=RegistrationStatus.CANCELLED)
        .with_waiting_position()
        .select_related("user__municipality")
        .order_by("created", "pk")
    )
    questions = list(
        dict.fromkeys(
            [question.label for question in event.questions.all()]
            + [answer["question"] for r in registrations for answer in r.answers]
        )
    )
    yield [
        _("Navn"),
        _("E-mail"),
        _("Stilling"),
        _("Arbejdsplads"),
        _("Status"),
        _("Nr. på venteliste"),
        _("Tilmeldt"),
        *questions,
    ]
    for r in registrations:
        user = r.user
        answers = {answer["question"]: answer_text(answer) for answer in r.answers}
        yield [
            user.get_full_name() or user.email,
            user.email,
            user.title,
            user.municipality.name if user.municipality_id else user.get_workplace_display(),
            r.get_status_display(),
            r.waiting_position,
            timezone.localtime(r.created).strftime("%Y-%m-%d %H:%M"),
            *(answers.get(question, "") for question in questions),
        ]


def response(event, file_format, filename):
    """The list as an attachment: `file_format` is "csv" or "xlsx", anything else a 404."""
    if file_format == "csv":
        result = HttpResponse(content_type="text/csv; charset=utf-8")
        result.write("\ufeff")  # Excel reads UTF-8 only with a byte-order mark
        writer = SafeCsvWriter(result, delimiter=";")
        for row in rows(event):
            writer.writerow(row)
    elif file_format == "xlsx":
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.title = _("Deltagere")
        for row in rows(event):
            sheet.append(safe_row(row))
        result = HttpResponse(content_type=XLSX_TYPE)
        workbook.save(result)
    else:
        raise Http404
    result["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    result["X-Content-Type-Options"] = "nosniff"
    return result
