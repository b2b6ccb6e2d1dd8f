"""The data download's readable summary: every part of the JSON as headed Danish HTML, each list
of records a table, each record a description list."""

import datetime
import re

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from portal.accounts import personal_data

ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d(T\d\d:\d\d[\d:.]*([+-]\d\d:\d\d)?)?")


def render(user, data, file_paths):
    sections = [(personal_data.title(label), value_html(value)) for label, value in data.items()]
    return render_to_string(
        "portal/accounts/data_summary.html",
        {
            "person": user,
            "sections": sections,
            "file_paths": file_paths,
            "exported": timezone.localtime(),
            "site_name": settings.WAGTAIL_SITE_NAME,
        },
    )


def label(key):
    return str(key).replace("_", " ").capitalize()


def value_html(value):
    """A JSON value as HTML: records as description lists, lists of records as tables."""
    if isinstance(value, dict):
        if not value:
            return format_html("<p>{}</p>", _("Ingen oplysninger."))
        rows = ((label(key), value_html(item)) for key, item in value.items())
        return format_html("<dl>{}</dl>", format_html_join("", "<dt>{}</dt><dd>{}</dd>", rows))
    if isinstance(value, list):
        if not value:
            return format_html("<p>{}</p>", _("Ingen."))
        if all(isinstance(item, dict) for item in value):
            return _table(value)
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((value_html(v),) for v in value))
        )
    return _scalar(value)


def _table(records):
    keys = list(dict.fromkeys(key for record in records for key in record))
    head = format_html_join("", '<th scope="col">{}</th>', ((label(key),) for key in keys))
    body = format_html_join(
        "",
        "<tr>{}</tr>",
        (
            (format_html_join("", "<td>{}</td>", ((value_html(r.get(k)),) for k in keys)),)
            for r in records
        ),
    )
    # A wide table scrolls on its own, reachable by keyboard (axe: scrollable-region-focusable).
    return format_html(
        '<div class="table" tabindex="0">'
        "<table><thead><tr>{}</tr></thead><tbody>{}</tbody></table></div>",
        head,
        body,
    )


def _scalar(value):
    if value is None or value == "":
        return "–"
    if value is True:
        return _("Ja")
    if value is False:
        return _("Nej")
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        moment = datetime.datetime.fromisoformat(value)
        if len(value) == len("2026-12-04"):
            return formats.date_format(moment.date(), "j. F Y")
        if timezone.is_aware(moment):
            moment = timezone.localtime(moment)
        return formats.date_format(moment, "j. F Y \\k\\l. H.i")
    return str(value)
