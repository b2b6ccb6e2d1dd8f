"""A person's shared files in the data download, and what deleting the account does with them:
files of posts they had deleted go, files in live posts and the library stay without their name."""

import pytest
from accounts_fixtures import unzipped
from django.utils import timezone

from network import library
from network.files import uploads
from network.models import Attachment, GroupDocument, Reply
from portal.accounts import personal_data
from tests.network.file_samples import pdf, stored_attachment, upload
from tests.network.test_attachments import stored_files

pytestmark = pytest.mark.django_db


@pytest.fixture
def files_of_member(world):
    """The open group's member: a file on their live thread, one on a withdrawn reply, and a
    document in the library."""
    group, member = world["open"]["group"], world["open"]["member"]
    withdrawn = Reply.objects.create(
        thread=world["open"]["thread"],
        author=member,
        body_markdown="Trukket tilbage",
        deleted_at=timezone.now(),
    )
    return {
        "member": member,
        "live": stored_attachment(world["open"]["thread"], "Tilsynsplan.pdf"),
        "withdrawn": stored_attachment(withdrawn, "Udkast.pdf"),
        "document": library.add_document(
            member, group, uploads.check(upload("Vedtægter.pdf", pdf())), folder="Regler"
        ),
    }


def test_the_download_lists_the_persons_files(files_of_member):
    data = personal_data.export(files_of_member["member"])["netvaerksfiler"]

    assert sorted(a["filnavn"] for a in data["vedhaeftede_filer"]) == [
        "Tilsynsplan.pdf",
        "Udkast.pdf",
    ]
    assert [(d["titel"], d["mappe"], d["netværk"]) for d in data["dokumenter"]] == [
        ("Vedtægter.pdf", "Regler", "Netværk open")
    ]


def test_the_download_is_a_zip_with_my_files_and_no_one_elses(
    client, login, world, files_of_member
):
    member = files_of_member["member"]
    others = stored_attachment(world["open"]["reply"], "Andres notat.pdf", pdf())
    assert others.uploaded_by != member
    login(client, member)

    files = unzipped(client.get("/konto/profil/mine-data/"))

    uploaded = {
        name.rsplit("/", 1)[0] + "/" + name.rsplit("-", 1)[-1]: content
        for name, content in files.items()
        if name.startswith("filer/")
    }
    assert sorted(uploaded) == [
        "filer/dokumenter/Vedtægter.pdf",
        "filer/vedhaeftede-filer/Tilsynsplan.pdf",
        "filer/vedhaeftede-filer/Udkast.pdf",
    ]
    with files_of_member["live"].file.open("rb") as stored:
        assert uploaded["filer/vedhaeftede-filer/Tilsynsplan.pdf"] == stored.read()
    assert not [name for name in files if "Andres" in name]
    summary = files["oversigt.html"].decode()
    assert '<html lang="da">' in summary and "<h1>Dine data fra Tilsynsportalen</h1>" in summary
    assert "Tilsynsplan.pdf" in summary and "Andres notat" not in summary
    assert {"mine-data.json", "oversigt.html"} <= set(files)


def test_deleting_the_account_removes_files_of_withdrawn_posts_and_unlinks_the_rest(
    files_of_member, network_files_root, django_capture_on_commit_callbacks
):
    member = files_of_member["member"]

    with django_capture_on_commit_callbacks(execute=True):
        personal_data.erase(member)

    assert not Attachment.objects.filter(pk=files_of_member["withdrawn"].pk).exists()
    live = Attachment.objects.get(pk=files_of_member["live"].pk)
    document = GroupDocument.objects.get(pk=files_of_member["document"].pk)
    assert (live.uploaded_by, document.uploaded_by) == (None, None)
    assert sorted(stored_files(network_files_root)) == sorted(
        [live.file.name.split("/")[-1], document.file.name.split("/")[-1]]
    )
    assert personal_data.export(member)["netvaerksfiler"] == {
        "vedhaeftede_filer": [],
        "dokumenter": [],
    }
