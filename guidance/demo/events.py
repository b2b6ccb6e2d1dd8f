"""The conferences and network days, from `content/events/`: one held with slides and
recordings, one open for registration with questions, and a full one with a waiting list.

Each `NN-slug.md` holds in its front matter title, summary, date, hours (start and end),
venue_name, venue_address, capacity, registration_deadline (day and time) and, where they apply,
online_note, questions (label, kind, choices, help_text, required), programme (hours, title,
description, speakers: keys of `speakers.yaml`), materials (recording_url and
slides_description, for every programme item with a speaker) and registered (e-mail addresses in
the order they registered, with answers by question); its body is read by `page_body`.
`members.yaml` holds the network members who register besides the demo log-ins.
"""

import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model

from events.demo import register_without_email
from guidance.models import EventPage, EventQuestion, EventSession, Speaker
from portal import roles
from portal.demo import child, user
from portal.slugs import danish_slugify

from . import content_files
from .documents import pdf_document

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def at(day, clock):
    hour, minute = map(int, clock.split(":"))
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=COPENHAGEN)


def load_events(index):
    """Each event, created when missing, then its registrations in the order of the files."""
    speakers = {
        key: _speaker(**fields)
        for key, fields in content_files.data("events/speakers.yaml").items()
    }
    events = [
        (_event(index, slug, meta, body, speakers), meta.get("registered", []))
        for slug, meta, body in content_files.read("events")
    ]
    for member in content_files.data("events/members.yaml"):
        user(**member, groups=[roles.MEMBER])
    emails = {registrant["email"] for _event, registered in events for registrant in registered}
    accounts = get_user_model().objects.in_bulk(emails, field_name="email")
    for event, registered in events:
        for registrant in registered:
            answers = [
                {"question": question, "answer": answer}
                for question, answer in registrant.get("answers", {}).items()
            ]
            register_without_email([accounts[registrant["email"]]], event, answers=answers)


def _event(index, slug, meta, body, speakers):
    day = meta["date"]
    deadline_day, deadline_clock = meta["registration_deadline"]
    return child(
        index,
        EventPage,
        slug,
        title=meta["title"],
        summary=meta["summary"],
        start=at(day, meta["hours"][0]),
        end=at(day, meta["hours"][1]),
        venue_name=meta["venue_name"],
        venue_address=meta["venue_address"],
        online_note=meta.get("online_note", ""),
        capacity=meta["capacity"],
        registration_deadline=at(deadline_day, deadline_clock),
        questions=[_question(**question) for question in meta.get("questions", [])],
        body=body,
        sessions=[
            _session(day, item, speakers, meta["title"], meta.get("materials"))
            for item in meta["programme"]
        ],
    )


def _speaker(name, **fields):
    return Speaker.objects.get_or_create(name=name, defaults=fields)[0]


def _question(label, kind, choices=(), help_text="", required=False):
    return EventQuestion(
        label=label, kind=kind, choices="\n".join(choices), help_text=help_text, required=required
    )


def _session(day, item, speakers, event_title, materials):
    """A programme item as an unsaved session; with materials, each talk has slides and a
    recording."""
    keys = item.get("speakers", [])
    talk_materials = materials if keys else None
    return EventSession(
        start=at(day, item["hours"][0]),
        end=at(day, item["hours"][1]),
        title=item["title"],
        description=item.get("description", ""),
        speakers=[speakers[key] for key in keys],
        slides=_slides(item["title"], event_title, talk_materials) if talk_materials else None,
        recording_url=talk_materials["recording_url"] if talk_materials else "",
    )


def _slides(title, event_title, materials):
    filename = f"slides-{danish_slugify(title)}.pdf"
    return pdf_document(title, filename, [title, event_title], materials["slides_description"])
