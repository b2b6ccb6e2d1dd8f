"""A group's document library: members who may post add documents in folders, readers of the
group list and download them, the uploader or a moderator deletes them, and the group's page
shows the latest."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network import library
from network.choices import GroupKind
from network.files import uploads
from network.models import Group, GroupDocument
from tests.network.conftest import RELATIONS
from tests.network.file_samples import HTML, pdf, upload, xlsx
from tests.network.test_attachments import READERS, stored_files

pytestmark = pytest.mark.django_db


def add(group, user, name="Referat.pdf", content=None, **fields):
    return library.add_document(
        user, group, uploads.check(upload(name, content or pdf())), **fields
    )


def library_url(group, suffix=""):
    return f"/netvaerk/{group.slug}/dokumenter/{suffix}"


def document_url(document, slug=None):
    return f"/netvaerk/{slug or document.group.slug}/dokumenter/{document.pk}/"


@pytest.fixture
def documents(world):
    """One document per group, by its moderator."""
    return {
        kind: add(world[kind]["group"], world[kind]["moderator"], f"Vedtægter {kind}.pdf")
        for kind in GroupKind.values
    }


def test_a_member_uploads_a_document_into_a_folder(world, as_user):
    group = world["open"]["group"]
    client = as_user(world["open"]["member"])

    response = client.post(
        library_url(group, "ny/"),
        {
            "file": upload("budget", xlsx()),
            "title": "",
            "folder": "  Økonomi   2026 ",
            "description": "Foreløbigt",
        },
    )

    assert response["Location"] == library_url(group)
    document = GroupDocument.objects.get()
    assert (document.title, document.folder, document.original_name, document.uploaded_by) == (
        "budget.xlsx",
        "Økonomi 2026",
        "budget.xlsx",
        world["open"]["member"],
    )
    page = client.get(library_url(group)).content.decode()
    assert "<h2>Økonomi 2026</h2>" in page
    assert f'href="{document_url(document)}" download>budget.xlsx</a>' in page


def test_the_library_groups_by_folder_and_filters_by_one(world, as_user):
    group, moderator = world["open"]["group"], world["open"]["moderator"]
    add(group, moderator, "a.pdf", title="Vedtægter", folder="Regler")
    add(group, moderator, "b.pdf", title="Referat marts", folder="Møder")
    add(group, moderator, "c.pdf", title="Løst papir")
    client = as_user(world["open"]["member"])

    everything = client.get(library_url(group)).content.decode()
    meetings = client.get(library_url(group), {"mappe": "Møder"}).content.decode()

    headings = [everything.index(f"<h2>{name}</h2>") for name in ("Uden mappe", "Møder", "Regler")]
    assert headings == sorted(headings)
    assert "Referat marts" in meetings
    assert "Vedtægter" not in meetings
    assert "Løst papir" not in meetings


def test_a_disguised_document_is_refused_and_nothing_is_saved(world, as_user, network_files_root):
    group = world["open"]["group"]

    response = as_user(world["open"]["member"]).post(
        library_url(group, "ny/"), {"file": upload("plan.pdf", HTML), "title": "Plan"}
    )

    assert response.status_code == 400
    assert "„plan.pdf“ er ikke en PDF-fil, selv om navnet siger det." in response.content.decode()
    assert not GroupDocument.objects.exists()
    assert stored_files(network_files_root) == []


@pytest.mark.parametrize("relation", ["outsider", "removed", "requested", "invited"])
def test_readers_who_are_not_members_cannot_upload(world, as_user, relation):
    user = world["outsider"] if relation == "outsider" else world["open"][relation]
    group = world["open"]["group"]
    client = as_user(user)

    form = client.get(library_url(group, "ny/"))
    response = client.post(library_url(group, "ny/"), {"file": upload("x.pdf", pdf())})

    assert "Du skal være medlem af netværket for at lægge dokumenter op." in form.content.decode()
    assert response["Location"] == library_url(group)
    assert not GroupDocument.objects.exists()


@pytest.mark.parametrize("kind", GroupKind.values)
@pytest.mark.parametrize("relation", ["outsider", *RELATIONS])
def test_the_library_and_its_files_are_for_readers_of_the_group(
    world, documents, as_user, kind, relation
):
    user = world["outsider"] if relation == "outsider" else world[kind][relation]
    client = as_user(user)
    group = world[kind]["group"]

    statuses = [
        client.get(library_url(group)).status_code,
        client.get(document_url(documents[kind])).status_code,
        client.get(library_url(group, "ny/")).status_code,
    ]

    expected = 200 if relation in READERS[kind] else 404
    assert statuses == [expected] * 3


def test_a_document_is_not_served_under_another_groups_address(world, documents, as_user):
    client = as_user(world["closed"]["member"])

    assert client.get(document_url(documents["closed"], slug="open")).status_code == 404
    assert client.get(document_url(documents["open"], slug="closed")).status_code == 404


def test_a_document_download_has_the_safe_headers(world, documents, as_user):
    response = as_user(world["open"]["member"]).get(document_url(documents["open"]))

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        "attachment; filename=\"Vedt_gter open.pdf\"; filename*=UTF-8''Vedt%C3%A6gter%20open.pdf"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("deleter", ["member", "moderator"])
def test_the_uploader_or_a_moderator_deletes_and_the_file_goes(
    world, as_user, deleter, network_files_root, django_capture_on_commit_callbacks
):
    group = world["open"]["group"]
    document = add(group, world["open"]["member"])
    assert len(stored_files(network_files_root)) == 1

    with django_capture_on_commit_callbacks(execute=True):
        response = as_user(world["open"][deleter]).post(document_url(document) + "slet/")

    assert response["Location"] == library_url(group)
    assert not GroupDocument.objects.exists()
    assert stored_files(network_files_root) == []


def test_another_member_cannot_delete_a_document(world, as_user, network_files_root):
    group = world["open"]["group"]
    document = add(group, world["open"]["moderator"])

    response = as_user(world["open"]["member"]).post(document_url(document) + "slet/", follow=True)

    assert GroupDocument.objects.filter(pk=document.pk).exists()
    assert len(stored_files(network_files_root)) == 1
    assert "Kun den, der har lagt dokumentet op, eller en moderator kan slette det." in (
        response.content.decode()
    )


def test_deleting_a_group_removes_its_files(
    world, documents, network_files_root, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        Group.objects.filter(kind=GroupKind.OPEN).delete()

    assert len(stored_files(network_files_root)) == len(GroupKind.values) - 1


def test_the_group_page_shows_the_latest_documents(world, as_user):
    group, moderator = world["open"]["group"], world["open"]["moderator"]
    for number in range(7):
        add(group, moderator, f"dok-{number}.pdf")

    page = as_user(world["open"]["member"]).get(f"/netvaerk/{group.slug}/").content.decode()

    shown = [number for number in range(7) if f">dok-{number}.pdf</a>" in page]
    assert shown == [2, 3, 4, 5, 6]
    assert f'href="{library_url(group)}"' in page


def test_the_group_page_shows_no_documents_to_those_who_may_not_read(world, documents, as_user):
    page = as_user(world["outsider"]).get("/netvaerk/closed/").content.decode()

    assert "Vedtægter closed" not in page


def test_the_library_costs_the_same_queries_with_many_documents(
    world, as_user, django_assert_max_num_queries
):
    group, moderator = world["open"]["group"], world["open"]["moderator"]
    client = as_user(world["open"]["member"])
    add(group, moderator, "første.pdf", folder="A")
    client.get(library_url(group))
    with CaptureQueriesContext(connection) as few:
        client.get(library_url(group))
    for number in range(30):
        add(group, moderator, f"{number}.pdf", folder=f"Mappe {number % 4}")

    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(library_url(group)).status_code == 200


def test_titles_and_folders_keep_only_visible_text(world):
    group, moderator = world["open"]["group"], world["open"]["moderator"]

    document = add(
        group,
        moderator,
        title="Referat\u202efdp.exe",
        folder=" Møder\u200b\u00a0 2026\u2066\ufeff ",
    )

    assert (document.title, document.folder) == ("Referatfdp.exe", "Møder 2026")
