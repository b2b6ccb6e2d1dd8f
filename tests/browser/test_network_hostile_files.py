"""Hostile file names, proved harmless in Chromium: files whose names carry markup, script URLs,
direction overrides, invisible characters, folders or great length are uploaded through the real
forms (attachments to a thread and a reply, documents to the library), then the pages that list
them are opened with the trap of test_network_hostile.py. Nothing may run, each name must be
shown as the text that was stored, and every download must be an attachment with an ASCII
fallback name that is never sniffed."""

import re
import unicodedata
from urllib.parse import unquote

import pytest
from accounts_fixtures import create_user
from module_site import additions_removed, shared_tab  # noqa: F401
from page_tree import make_home
from playwright.sync_api import expect
from test_network_hostile import (
    DOM_PROBLEMS,
    POST_TAGS,
    dangers_on,
    log_in,
    what_ran,
)

from network.models import Attachment, Group, GroupDocument, Thread
from portal import roles
from tests.network.conftest import add_member
from tests.network.file_samples import docx, pdf, png

pytestmark = pytest.mark.django_db(transaction=True)

PWN = "window.__pwned=1"
LONG_STEM = "Meget langt navn " * 20
HOSTILE_NAMES = {
    f"<img src=x onerror={PWN}>.pdf": pdf,
    f'"><svg onload={PWN}>.png': png,
    "Bilag\u202egnp.pdf": pdf,
    "nul\u200bbredde\u200c\u200d\ufeff tegn.docx": docx,
    f"{LONG_STEM}.pdf": pdf,
    "../../etc/passwd.pdf": pdf,
    "javascript:alert(1).pdf": pdf,
    f"&lt;img src=x onerror={PWN}&gt;.pdf": pdf,
    "{{ 7|add:7 }} {% csrf_token %}.pdf": pdf,
}
THREAD_FILES = 5  # NETWORK_MAX_ATTACHMENTS: the thread takes these, a reply the rest
FALLBACK = re.compile(r'^attachment; filename="([A-Za-z0-9 ._()\-]+)"; filename\*=UTF-8\'\'(\S+)$')


@pytest.fixture(scope="module")
def shared_group(module_live_server):
    """A group and its member, built once for the module."""
    make_home()
    group = Group.objects.create(name="Filer", slug="filer", description="Deling af filer.")
    member = create_user(roles.MEMBER, municipality_code=101, first_name="Jonas")
    add_member(group, member)
    return group, member


@pytest.fixture
def members_group(shared_group):
    """The module's group and member; what the test uploads is gone after it."""
    with additions_removed(Thread, Attachment, GroupDocument):
        yield shared_group


def buffers(names):
    return [
        {"name": name, "mimeType": "application/octet-stream", "buffer": HOSTILE_NAMES[name]()}
        for name in names
    ]


def post_hostile_attachments(tab, group):
    """A thread with the first files and a reply with the rest, through the forms."""
    names = list(HOSTILE_NAMES)
    tab.goto(f"/netvaerk/{group.slug}/traad/ny/")
    tab.get_by_label("Overskrift").fill("Filer med fjendtlige navne")
    tab.get_by_label("Tekst").fill("Se bilagene.")
    tab.get_by_label("Vedhæft filer").set_input_files(buffers(names[:THREAD_FILES]))
    tab.get_by_role("button", name="Opret tråden").click()
    expect(tab.locator("h1")).to_have_text("Filer med fjendtlige navne")
    tab.get_by_label("Dit svar").fill("Og resten.")
    tab.get_by_label("Vedhæft filer").set_input_files(buffers(names[THREAD_FILES:]))
    tab.get_by_role("button", name="Send svar").click()
    expect(tab.locator(".network-post-body").last).to_have_text("Og resten.")
    return Thread.objects.get(title="Filer med fjendtlige navne")


def upload_hostile_documents(tab, group):
    for name in HOSTILE_NAMES:
        tab.goto(f"/netvaerk/{group.slug}/dokumenter/ny/")
        tab.get_by_label("Fil").set_input_files(buffers([name]))
        tab.get_by_label("Mappe").fill(name[:80])
        tab.get_by_role("button", name="Læg dokumentet op").click()
        expect(tab).to_have_url(re.compile(rf"/netvaerk/{group.slug}/dokumenter/$"))


def has_hidden_characters(text):
    return any(unicodedata.category(character).startswith("C") for character in text)


def assert_names_are_tamed(stored_names):
    """What the server kept: one name per file, no folders or invisible or direction characters,
    length bounded, and the markup still there as characters to show."""
    assert len(stored_names) == len(HOSTILE_NAMES)
    for name in stored_names:
        assert not has_hidden_characters(name), repr(name)
        assert "/" not in name and "\\" not in name and len(name) <= 125, name
    assert "passwd.pdf" in stored_names
    assert "Bilaggnp.pdf" in stored_names
    assert any(f"<img src=x onerror={PWN}>" in name for name in stored_names)
    assert any(name.startswith("javascript:") for name in stored_names)


def assert_downloads_safely(tab, url, name, content):
    response = tab.request.get(url)
    assert response.status == 200, url
    headers = response.headers
    fallback, encoded = FALLBACK.match(headers["content-disposition"]).groups()
    assert unquote(encoded) == name
    assert re.search(r"[A-Za-z0-9]", fallback) and not fallback.startswith("."), fallback
    assert fallback.endswith(name.rpartition(".")[2]), (fallback, name)
    assert headers["x-content-type-options"] == "nosniff"
    assert response.body() == content


def test_hostile_attachment_names_run_nowhere_and_download_safely(trapped_tab, members_group):
    group, member = members_group
    tab = log_in(trapped_tab, member)

    thread = post_hostile_attachments(tab, group)

    attachments = list(Attachment.objects.filter(uploaded_by=member))
    assert_names_are_tamed([attachment.original_name for attachment in attachments])
    thread_url = thread.get_absolute_url()
    found = {url: dangers_on(tab, url) for url in (thread_url, group.get_absolute_url())}
    assert {url: problems for url, problems in found.items() if problems} == {}
    tab.goto(thread_url)
    for attachment in attachments:
        url = f"/netvaerk/{group.slug}/vedhaeftning/{attachment.pk}/"
        expect(tab.locator(f'a[href="{url}"]')).to_have_text(attachment.original_name)
        content = attachment.file.open("rb").read()
        assert_downloads_safely(tab, url, attachment.original_name, content)
    assert what_ran(tab) == []


def test_hostile_document_names_run_nowhere_and_download_safely(trapped_tab, members_group):
    group, member = members_group
    tab = log_in(trapped_tab, member)

    upload_hostile_documents(tab, group)

    documents = list(GroupDocument.objects.filter(group=group))
    assert_names_are_tamed([document.original_name for document in documents])
    assert [d.folder for d in documents if has_hidden_characters(d.folder)] == []
    library_url = f"/netvaerk/{group.slug}/dokumenter/"
    urls = (library_url, group.get_absolute_url(), f"{library_url}ny/")
    found = {url: dangers_on(tab, url) for url in urls}
    assert {url: problems for url, problems in found.items() if problems} == {}
    tab.goto(library_url)
    for document in documents:
        url = f"/netvaerk/{group.slug}/dokumenter/{document.pk}/"
        link = tab.locator(f'a[href="{url}"]')
        expect(link).to_have_text(document.original_name)
        expect(link.locator("xpath=..")).to_contain_text(document.original_name)
        expect(tab.get_by_role("heading", name=document.folder, exact=True)).to_be_visible()
        content = document.file.open("rb").read()
        assert_downloads_safely(tab, url, document.original_name, content)
    assert what_ran(tab) == []


def test_a_refused_file_with_a_hostile_name_is_named_as_text_in_the_error(
    trapped_tab, members_group
):
    group, member = members_group
    tab = log_in(trapped_tab, member)
    name = f"<img src=x onerror={PWN}>.png"
    tab.goto(f"/netvaerk/{group.slug}/dokumenter/ny/")

    tab.get_by_label("Fil").set_input_files(
        {"name": name, "mimeType": "image/png", "buffer": pdf()}
    )
    tab.get_by_role("button", name="Læg dokumentet op").click()

    expect(tab.locator(".error-summary")).to_contain_text(f"„{name}“ er ikke en PNG-fil")
    assert what_ran(tab) + tab.evaluate(DOM_PROBLEMS, POST_TAGS) == []
    assert not GroupDocument.objects.exists()
