"""Attachments on threads and replies: saved with their post in one transaction, listed under it,
and served only to those who may read the group, as a download that is never sniffed."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.choices import GroupKind
from network.files.storage import NetworkFileStorage
from network.models import Attachment, Reply, Thread
from tests.network.conftest import RELATIONS
from tests.network.file_samples import HTML, docx, pdf, png, stored_attachment, upload

pytestmark = pytest.mark.django_db

READERS = {
    GroupKind.OPEN: {"outsider", "moderator", "member", "removed", "requested", "invited"},
    GroupKind.CLOSED: {"moderator", "member"},
    GroupKind.SECRET: {"moderator", "member"},
}


def attachment_url(attachment, slug=None):
    post = attachment.thread or attachment.reply.thread
    return f"/netvaerk/{slug or post.group.slug}/vedhaeftning/{attachment.pk}/"


def stored_files(root):
    return sorted(p.name for p in root.rglob("*") if p.is_file()) if root.exists() else []


@pytest.fixture
def attachments(world):
    """{kind: (attachment of the thread, attachment of the reply)}."""
    return {
        kind: (
            stored_attachment(world[kind]["thread"], f"Tråd {kind}.pdf"),
            stored_attachment(world[kind]["reply"], f"Svar {kind}.png", png()),
        )
        for kind in GroupKind.values
    }


def test_a_member_starts_a_thread_with_files_and_they_are_listed_under_it(world, as_user):
    client = as_user(world["open"]["member"])

    response = client.post(
        "/netvaerk/open/traad/ny/",
        {
            "title": "Budget 2026",
            "body": "Se bilagene",
            "token": str(uuid.uuid4()),
            "attachments": [upload("Budget.pdf", pdf()), upload("Noter", docx())],
        },
    )

    thread = Thread.objects.get(title="Budget 2026")
    assert response["Location"] == thread.get_absolute_url()
    saved = list(thread.attachments.order_by("original_name"))
    assert [(a.original_name, a.content_type, a.size) for a in saved] == [
        ("Budget.pdf", "application/pdf", len(pdf())),
        (
            "Noter.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            len(docx()),
        ),
    ]
    page = client.get(thread.get_absolute_url()).content.decode()
    assert f'href="{attachment_url(saved[0])}" download>Budget.pdf</a>' in page
    assert "(PDF, " in page
    assert "(Word, " in page


def test_a_member_replies_with_a_file(world, as_user):
    thread = world["open"]["thread"]
    client = as_user(world["open"]["member"])

    client.post(
        f"/netvaerk/open/traad/{thread.pk}/svar/",
        {
            "body": "Her er billedet",
            "token": str(uuid.uuid4()),
            "attachments": upload("x.png", png()),
        },
    )

    reply = thread.replies.get(body_markdown="Her er billedet")
    assert [a.original_name for a in reply.attachments.all()] == ["x.png"]
    assert client.get(attachment_url(reply.attachments.get())).status_code == 200


def test_one_bad_file_among_several_saves_nothing_and_the_text_is_kept(
    world, as_user, network_files_root
):
    client = as_user(world["open"]["member"])

    response = client.post(
        "/netvaerk/open/traad/ny/",
        {
            "title": "Halvt gemt?",
            "body": "Teksten skal blive stående",
            "token": str(uuid.uuid4()),
            "attachments": [upload("god.pdf", pdf()), upload("ond.pdf", HTML)],
        },
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "„ond.pdf“ er ikke en PDF-fil, selv om navnet siger det." in page
    assert "Teksten skal blive stående" in page
    assert 'value="Halvt gemt?"' in page
    assert not Thread.objects.filter(title="Halvt gemt?").exists()
    assert not Attachment.objects.exists()
    assert stored_files(network_files_root) == []


def test_a_bad_file_on_a_reply_saves_no_reply(world, as_user, network_files_root):
    thread = world["open"]["thread"]

    response = as_user(world["open"]["member"]).post(
        f"/netvaerk/open/traad/{thread.pk}/svar/",
        {
            "body": "Svar med forklædt fil",
            "token": str(uuid.uuid4()),
            "attachments": [upload("a.pdf", pdf()), upload("b.docx", png())],
        },
    )

    assert response.status_code == 400
    assert "„b.docx“ er ikke en DOCX-fil, selv om navnet siger det." in response.content.decode()
    assert "Svar med forklædt fil" in response.content.decode()
    assert not Reply.objects.filter(body_markdown="Svar med forklædt fil").exists()
    assert stored_files(network_files_root) == []


def test_more_files_than_allowed_are_refused(world, as_user, settings):
    settings.NETWORK_MAX_ATTACHMENTS = 2
    thread = world["open"]["thread"]

    response = as_user(world["open"]["member"]).post(
        f"/netvaerk/open/traad/{thread.pk}/svar/",
        {
            "body": "Tre filer",
            "token": str(uuid.uuid4()),
            "attachments": [upload(f"{n}.pdf", pdf()) for n in range(3)],
        },
    )

    assert "Du kan højst vedhæfte 2 filer." in response.content.decode()
    assert not Reply.objects.filter(body_markdown="Tre filer").exists()


def test_an_oversize_file_is_refused_in_the_form(world, as_user, settings):
    settings.NETWORK_MAX_UPLOAD_BYTES = 100
    thread = world["open"]["thread"]

    response = as_user(world["open"]["member"]).post(
        f"/netvaerk/open/traad/{thread.pk}/svar/",
        {"body": "Stor fil", "token": str(uuid.uuid4()), "attachments": upload("s.pdf", pdf())},
    )

    assert "„s.pdf“ er for stor" in response.content.decode()
    assert not Reply.objects.filter(body_markdown="Stor fil").exists()


def test_a_reply_with_files_sent_twice_stores_the_files_once(world, as_user, network_files_root):
    thread = world["open"]["thread"]
    client = as_user(world["open"]["member"])
    data = {"body": "Dobbelt", "token": str(uuid.uuid4())}

    client.post(
        f"/netvaerk/open/traad/{thread.pk}/svar/", {**data, "attachments": upload("a.pdf", pdf())}
    )
    client.post(
        f"/netvaerk/open/traad/{thread.pk}/svar/", {**data, "attachments": upload("a.pdf", pdf())}
    )

    assert Attachment.objects.filter(reply__body_markdown="Dobbelt").count() == 1
    assert len(stored_files(network_files_root)) == 1


@pytest.mark.parametrize("kind", GroupKind.values)
@pytest.mark.parametrize("relation", ["outsider", *RELATIONS])
def test_files_are_served_only_to_those_who_may_read_the_group(
    world, attachments, as_user, kind, relation
):
    user = world["outsider"] if relation == "outsider" else world[kind][relation]
    client = as_user(user)

    statuses = [client.get(attachment_url(a)).status_code for a in attachments[kind]]

    expected = 200 if relation in READERS[kind] else 404
    assert statuses == [expected, expected]


def test_signed_out_visitors_are_sent_to_log_in(attachments, client):
    response = client.get(attachment_url(attachments[GroupKind.OPEN][0]))

    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")


def test_an_attachment_is_not_served_under_another_groups_address(world, attachments, as_user):
    """The closed group's member may read both groups, but the id and slug must belong together."""
    secret_attachment = attachments[GroupKind.SECRET][0]
    client = as_user(world["secret"]["member"])

    assert client.get(attachment_url(secret_attachment, slug="open")).status_code == 404
    assert client.get(attachment_url(secret_attachment)).status_code == 200


def test_a_download_is_an_attachment_that_is_never_sniffed(world, attachments, as_user):
    attachment = attachments[GroupKind.OPEN][1]

    response = as_user(world["open"]["member"]).get(attachment_url(attachment))

    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == (
        "attachment; filename=\"Svar open.png\"; filename*=UTF-8''Svar%20open.png"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == png()


@pytest.mark.parametrize(
    ("uploaded_name", "header"),
    [
        (
            'rapport "endelig"\r\nX-Injected: 1.pdf',
            'attachment; filename="rapport _endelig_X-Injected_ 1.pdf"; '
            "filename*=UTF-8''rapport%20%22endelig%22X-Injected%3A%201.pdf",
        ),
        (
            "../../../etc/passwd.pdf",
            "attachment; filename=\"passwd.pdf\"; filename*=UTF-8''passwd.pdf",
        ),
        (
            "faktura\u202efdp.exe",
            "attachment; filename=\"fakturafdp.exe.pdf\"; filename*=UTF-8''fakturafdp.exe.pdf",
        ),
        (
            "Ø" * 400 + ".pdf",
            "attachment; filename=\"fil.pdf\"; filename*=UTF-8''" + "%C3%98" * 120 + ".pdf",
        ),
    ],
)
def test_hostile_names_are_served_safely(world, as_user, uploaded_name, header):
    attachment = stored_attachment(world["open"]["thread"], uploaded_name)

    response = as_user(world["open"]["member"]).get(attachment_url(attachment))

    assert response["Content-Disposition"] == header
    assert "\r" not in response["Content-Disposition"]
    assert "X-Injected" not in response


def test_files_of_a_deleted_post_are_not_served(world, attachments, as_user):
    client = as_user(world["open"]["member"])
    thread_file, reply_file = attachments[GroupKind.OPEN]
    world["open"]["thread"].replies.update(deleted_at="2025-01-01T00:00:00Z")
    Thread.objects.filter(pk=world["open"]["thread"].pk).update(deleted_at="2025-01-01T00:00Z")

    assert client.get(attachment_url(thread_file)).status_code == 404
    assert client.get(attachment_url(reply_file)).status_code == 404
    page = client.get(world["open"]["thread"].get_absolute_url()).content.decode()
    assert "Tråd open.pdf" not in page


def test_the_stored_file_has_no_public_address(world, attachments, as_user, settings):
    attachment = attachments[GroupKind.OPEN][0]
    client = as_user(world["open"]["member"])

    assert attachment.file.name.startswith("attachments/")
    assert "Tråd" not in attachment.file.name
    assert not attachment.file.path.startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError):
        NetworkFileStorage().url(attachment.file.name)
    for url in (f"/media/{attachment.file.name}", f"/media/images/../{attachment.file.name}"):
        assert client.get(url).status_code == 404


def test_a_thread_page_with_many_attached_files_costs_the_same_queries(
    world, as_user, django_assert_max_num_queries
):
    thread, member = world["open"]["thread"], world["open"]["member"]
    stored_attachment(thread)
    client = as_user(member)
    client.get(thread.get_absolute_url())
    with CaptureQueriesContext(connection) as few:
        client.get(thread.get_absolute_url())
    for number in range(12):
        reply = Reply.objects.create(thread=thread, author=member, body_markdown=f"Svar {number}")
        stored_attachment(reply, f"bilag {number}.pdf")
        stored_attachment(reply, f"foto {number}.png", png())
    Thread.objects.filter(pk=thread.pk).update(solution=reply)

    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(thread.get_absolute_url()).content.decode()
    assert "foto 11.png" in page
