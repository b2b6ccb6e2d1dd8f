"""An upload form sent again (its answer lost after the import was stored) imports nothing new
and shows the first import; a fresh form imports again."""

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
