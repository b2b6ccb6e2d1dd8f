"""Styrelsen's notes to the tilsynskommune: only styrelse writes them, the supervising
municipality's caseworkers are told by e-mail and answer, the location municipality reads notes
on its estates, and nobody else sees them."""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from monitoring import demo, notes
from monitoring.models import NoteStatus, StyrelseNote
from monitoring.notifications import send_note_notification
from portal import roles
from portal.accounts import personal_data
from portal.models import AuditEvent

pytestmark = [pytest.mark.django_db, pytest.mark.monitoring_data_once]

NEW_NOTE = "/monitorering/organisation/0042/notat/nyt/"


def note_url(note):
    return f"/monitorering/notat/{note.pk}/"


@pytest.fixture
def people(make_user):
    """Every role that could come near a note on København's organisation 0042."""
    return {
        "kk_first": make_user([roles.CASEWORKER], municipality_code=101, mfa=True),
        "kk_second": make_user([roles.CASEWORKER], municipality_code=101, mfa=True),
        "kk_member": make_user([roles.MEMBER], municipality_code=101),
        "aarhus": make_user([roles.CASEWORKER], municipality_code=751, mfa=True),
        "taarnby": make_user([roles.CASEWORKER], municipality_code=185, mfa=True),
        "editor": make_user(roles.EDITOR, mfa=True),
        "administrator": make_user(roles.ADMINISTRATOR, mfa=True),
        "registered": make_user(email="nogen@example.org"),
    }


@pytest.fixture
def signed_in(login):
    """A signed-in client per user, kept: a TOTP code is accepted only once."""
    clients = {}

    def client_of(user):
        if user.pk not in clients:
            clients[user.pk] = Client()
            login(clients[user.pk], user)
        return clients[user.pk]

    return client_of


def write_note(client, capture, **fields):
    respond_by = (timezone.localdate() + datetime.timedelta(days=14)).isoformat()
    data = {
        "title": "Særlig driftsstøtte",
        "body": "Landsbyggefonden har givet særlig driftsstøtte til afdeling 001.",
        "respond_by": respond_by,
        **fields,
    }
    with capture(execute=True):
        response = client.post(NEW_NOTE, data)
    assert response.status_code == 302 and "/notat/" in response.url, response
    return StyrelseNote.objects.get(title=data["title"])


def test_a_note_from_styrelse_reaches_the_kobenhavn_caseworkers_and_no_other_municipality(
    signed_in, people, monitoring_data, django_capture_on_commit_callbacks
):
    editor = signed_in(people["editor"])

    note = write_note(editor, django_capture_on_commit_callbacks)

    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [people["kk_first"].email, people["kk_second"].email]
    )
    body = mail.outbox[0].body
    assert note_url(note) in body
    assert "Københavns Almene Boliger" not in body and "driftsstøtte" not in body
    expected = {
        "kk_first": 200,
        "kk_second": 200,
        "kk_member": 404,
        "aarhus": 404,
        "taarnby": 404,
        "editor": 200,
        "administrator": 200,
        "registered": 404,
    }
    for role, status in expected.items():
        client = signed_in(people[role])
        assert client.get(note_url(note)).status_code == status, role
        shows_note = "Særlig driftsstøtte" in client.get("/monitorering/").content.decode()
        organisation = client.get("/monitorering/organisation/0042/")
        assert (organisation.status_code == 200) == (status == 200), role
        assert ("Særlig driftsstøtte" in organisation.content.decode()) == (status == 200), role
        assert shows_note == (role in ("kk_first", "kk_second")), role
    assert Client().get(note_url(note)).status_code == 302


def test_the_estate_page_shows_its_notes_and_the_organisation_page_all(
    signed_in, people, monitoring_data, django_capture_on_commit_callbacks
):
    editor = signed_in(people["editor"])
    write_note(
        editor,
        django_capture_on_commit_callbacks,
        title="Om afdeling 1",
        estate=monitoring_data["estate"].pk,
    )
    write_note(editor, django_capture_on_commit_callbacks, title="Om organisationen")
    caseworker = signed_in(people["kk_first"])

    estate_page = caseworker.get("/monitorering/organisation/0042/afdeling/001/").content.decode()
    organisation_page = caseworker.get("/monitorering/organisation/0042/").content.decode()

    assert "Om afdeling 1" in estate_page and "Om organisationen" not in estate_page
    assert "Om afdeling 1" in organisation_page and "Om organisationen" in organisation_page
    assert "Skriv notat til tilsynskommunen" not in organisation_page
    assert (
        "Skriv notat til tilsynskommunen"
        in editor.get("/monitorering/organisation/0042/").content.decode()
    )


def test_the_location_municipality_reads_a_note_on_its_estate_but_is_not_told_and_cannot_answer(
    signed_in, people, monitoring_data, django_capture_on_commit_callbacks
):
    in_taarnby = monitoring_data["kk"].estates.get(estate_no="002")
    note = write_note(
        signed_in(people["editor"]), django_capture_on_commit_callbacks, estate=in_taarnby.pk
    )
    taarnby = signed_in(people["taarnby"])

    page = taarnby.get(note_url(note))

    assert people["taarnby"].email not in [m.to[0] for m in mail.outbox]
    assert page.status_code == 200
    assert note_url(note) in taarnby.get("/monitorering/").content.decode()
    assert "Gem svar" not in page.content.decode()
    assert 'href="/monitorering/organisation/0042/' not in page.content.decode()
    refused = taarnby.post(note_url(note), {"status": NoteStatus.ANSWERED, "text": "Svar"})
    assert refused.status_code == 404
    assert not note.replies.exists()
    assert signed_in(people["aarhus"]).get(note_url(note)).status_code == 404


def test_the_supervising_caseworker_answers_and_the_status_is_kept_with_the_note(
    signed_in, people, monitoring_data, django_capture_on_commit_callbacks
):
    note = write_note(signed_in(people["editor"]), django_capture_on_commit_callbacks)
    caseworker = signed_in(people["kk_first"])

    empty = caseworker.post(note_url(note), {"status": NoteStatus.ANSWERED, "text": " "})
    answered = caseworker.post(
        note_url(note), {"status": NoteStatus.ANSWERED, "text": "Drøftes på mødet i marts."}
    )

    assert empty.status_code == 200 and "Skriv svaret" in empty.content.decode()
    assert answered.status_code == 302
    note.refresh_from_db()
    assert note.status == NoteStatus.ANSWERED
    assert [(r.user, r.text) for r in note.replies.all()] == [
        (people["kk_first"], "Drøftes på mødet i marts.")
    ]
    page = signed_in(people["editor"]).get(note_url(note)).content.decode()
    assert "Drøftes på mødet i marts." in page and "Gem svar" not in page


def test_only_styrelse_writes_notes(signed_in, people, monitoring_data):
    caseworker = signed_in(people["kk_first"])

    assert caseworker.get(NEW_NOTE).status_code == 404
    assert caseworker.post(NEW_NOTE, {"title": "x", "body": "y"}).status_code == 404
    assert not StyrelseNote.objects.exists()
    assert (
        signed_in(people["editor"]).get("/monitorering/organisation/9999/notat/nyt/").status_code
        == 404
    )


def test_a_deadline_in_the_past_is_refused(signed_in, people, monitoring_data):
    editor = signed_in(people["editor"])
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()

    response = editor.post(NEW_NOTE, {"title": "x", "body": "y", "respond_by": yesterday})

    assert response.status_code == 200
    assert "Datoen er overskredet" in response.content.decode()
    assert not StyrelseNote.objects.exists()


def test_recipients_are_chosen_when_the_e_mail_is_sent(people, monitoring_data):
    note = StyrelseNote.objects.create(
        organisation=monitoring_data["kk"], title="Fusion", body="Fusion under forberedelse."
    )
    people["kk_second"].groups.clear()
    people["kk_first"].emailaddress_set.update(verified=False)

    sent = send_note_notification.call(note.pk)

    assert sent == 0 and mail.outbox == []


class RolledBack(Exception):
    pass


def test_the_notes_e_mail_is_queued_with_the_note_and_rolled_back_with_it(
    settings, people, monitoring_data
):
    """With the database queue (production's) the e-mail task is written in the note's own
    transaction: a process dying after the commit cannot keep the note and lose its e-mail."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    data = {"title": "Fusion", "body": "Fusion under forberedelse."}

    with pytest.raises(RolledBack), transaction.atomic():
        notes.write(people["editor"], monitoring_data["kk"], data)
        assert DBTaskResult.objects.count() == 1, "queued before the note commits"
        raise RolledBack

    assert not StyrelseNote.objects.exists() and not DBTaskResult.objects.exists()
    with transaction.atomic():
        note = notes.write(people["editor"], monitoring_data["kk"], data)

    task = DBTaskResult.objects.get()
    assert task.task_path == "monitoring.notifications.send_note_notification"
    assert task.args_kwargs == {"args": [note.pk], "kwargs": {}}
    assert mail.outbox == [], "sent by the worker, not by the request"


def test_writing_reading_and_answering_are_audited(
    signed_in, people, monitoring_data, django_capture_on_commit_callbacks
):
    note = write_note(signed_in(people["editor"]), django_capture_on_commit_callbacks)
    caseworker = signed_in(people["kk_first"])
    caseworker.get(note_url(note))
    caseworker.post(note_url(note), {"status": NoteStatus.IN_PROGRESS, "text": ""})

    events = AuditEvent.objects.filter(details__note=note.pk).order_by("created_at", "pk")

    assert [(e.kind, e.actor) for e in events] == [
        (AuditEvent.Kind.NOTE_WRITTEN, people["editor"]),
        (AuditEvent.Kind.NOTE_VIEWED, people["kk_first"]),
        (AuditEvent.Kind.NOTE_ANSWERED, people["kk_first"]),
    ]


def test_the_national_view_lists_open_requests_per_municipality(
    signed_in, people, monitoring_data, django_capture_on_commit_callbacks
):
    editor = signed_in(people["editor"])
    asked = write_note(editor, django_capture_on_commit_callbacks, title="Svar ønskes")
    write_note(editor, django_capture_on_commit_callbacks, title="Til orientering", respond_by="")
    answered = write_note(editor, django_capture_on_commit_callbacks, title="Allerede besvaret")
    answered.status = NoteStatus.ANSWERED
    answered.save()

    page = editor.get("/monitorering/landet/").content.decode()

    section = page[page.index("Notater, der venter på kommunens svar") :]
    assert "København" in section and note_url(asked) in section
    assert "Til orientering" not in section and "Allerede besvaret" not in section


def test_a_persons_notes_and_answers_are_in_their_data_download(people, monitoring_data):
    note = StyrelseNote.objects.create(
        organisation=monitoring_data["kk"], author=people["editor"], title="Fusion", body="x"
    )
    note.replies.create(user=people["kk_first"], status=NoteStatus.ANSWERED, text="Set.")

    assert personal_data.export(people["editor"])["notater_og_svar"][0]["notat"] == "Fusion"
    assert personal_data.export(people["kk_first"])["notater_og_svar"][0]["tekst"] == "Set."


def test_the_demo_writes_styrelses_notes_to_kobenhavn_once(make_user, monitoring_data):
    for email in {note.meta["by"] for note in demo.notes()}:
        make_user(roles.EDITOR, email=email)

    demo.write_demo_notes()
    demo.write_demo_notes()

    notes = StyrelseNote.objects.order_by("pk")
    assert [note.organisation.org_no for note in notes] == ["0042", "0044"]
    assert notes[0].respond_by is not None and notes[1].respond_by is None
    assert mail.outbox == []
