"""An upload or partial-import confirmation sent again (its answer lost after the import was
stored) imports nothing new and shows the first import; a fresh form imports again."""

import re
from pathlib import Path

import pytest

from monitoring.models import ImportBatch

DATA = Path(__file__).parent / "data"
IMPORT_URL = "/admin/nogletal/import/"
TOKEN_INPUT = re.compile(r'name="token" value="([^"]+)"')


@pytest.fixture(autouse=True)
def private_import_root(settings, tmp_path):
    settings.IMPORT_ROOT = tmp_path / "imports"


def fresh_token(client):
    """The token of a freshly rendered upload form, as the browser sends it."""
    return TOKEN_INPUT.search(client.get(IMPORT_URL).content.decode()).group(1)


def send(client, capture, token):
    with (
        capture(execute=True),
        open(DATA / "organisations.csv", "rb") as organisations,
        open(DATA / "estates.csv", "rb") as estates,
    ):
        return client.post(
            IMPORT_URL,
            {
                "kind": "entities",
                "organisations": organisations,
                "estates": estates,
                "token": token,
            },
            follow=True,
        )


def test_the_same_upload_form_sent_twice_imports_once_and_names_the_first(
    client, editor, login, django_capture_on_commit_callbacks
):
    login(client, editor)
    token = fresh_token(client)

    send(client, django_capture_on_commit_callbacks, token)
    first = ImportBatch.objects.get()
    again = send(client, django_capture_on_commit_callbacks, token)

    assert ImportBatch.objects.get() == first
    assert first.status == ImportBatch.Status.SUCCEEDED, first.errors
    assert again.redirect_chain[-1][0] == f"{IMPORT_URL}{first.pk}/"
    page = again.content.decode()
    assert "Formularen var allerede sendt" in page
    assert "organisations.csv + estates.csv" in page

    send(client, django_capture_on_commit_callbacks, fresh_token(client))
    assert ImportBatch.objects.count() == 2


def test_an_upload_without_its_form_token_is_refused(client, editor, login):
    login(client, editor)
    with open(DATA / "organisations.csv", "rb") as organisations:
        response = client.post(IMPORT_URL, {"kind": "entities", "organisations": organisations})

    assert response.status_code == 200
    assert "Formularen er udløbet" in response.content.decode()
    assert not ImportBatch.objects.exists()


def refused_partial_file(client, capture, tmp_path):
    """The batch refused because its key-figure file leaves out organisation 0413."""
    send(client, capture, fresh_token(client))
    lines = (DATA / "key_figures_2024.csv").read_text().splitlines(keepends=True)
    partial = tmp_path / "uden_0413.csv"
    partial.write_text("".join(line for line in lines if ",0413," not in line))
    with capture(execute=True), open(partial, "rb") as key_figures:
        client.post(
            IMPORT_URL,
            {
                "kind": "key_figures",
                "year": "2024",
                "key_figures": key_figures,
                "token": fresh_token(client),
            },
        )
    return ImportBatch.objects.get(kind="key_figures")


def test_the_same_partial_import_confirmation_sent_twice_imports_once_and_names_the_first(
    client, editor, login, django_capture_on_commit_callbacks, tmp_path
):
    login(client, editor)
    capture = django_capture_on_commit_callbacks
    refused = refused_partial_file(client, capture, tmp_path)
    batch_url = f"{IMPORT_URL}{refused.pk}/"
    token = TOKEN_INPUT.search(client.get(batch_url).content.decode()).group(1)

    def confirm(token):
        with capture(execute=True):
            return client.post(
                f"{batch_url}delvis/", {"confirm": "on", "token": token}, follow=True
            )

    confirm(token)
    first = ImportBatch.objects.exclude(pk=refused.pk).get(kind="key_figures")
    again = confirm(token)

    assert first.status == ImportBatch.Status.SUCCEEDED, first.errors
    assert ImportBatch.objects.exclude(pk=refused.pk).get(kind="key_figures") == first
    assert again.redirect_chain[-1][0] == f"{IMPORT_URL}{first.pk}/"
    assert "Formularen var allerede sendt" in again.content.decode()

    confirm(TOKEN_INPUT.search(client.get(batch_url).content.decode()).group(1))
    assert ImportBatch.objects.filter(kind="key_figures").count() == 3


def test_a_partial_import_confirmation_without_its_form_token_is_refused(
    client, editor, login, django_capture_on_commit_callbacks, tmp_path
):
    login(client, editor)
    refused = refused_partial_file(client, django_capture_on_commit_callbacks, tmp_path)

    response = client.post(f"{IMPORT_URL}{refused.pk}/delvis/", {"confirm": "on"})

    assert response.status_code == 200
    assert "Formularen er udløbet" in response.content.decode()
    assert ImportBatch.objects.filter(kind="key_figures").count() == 1
