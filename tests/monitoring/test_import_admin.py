"""The admin upload: editors with MFA import through the real admin and follow the result;
caseworkers and members get nothing."""

import uuid
from pathlib import Path

import pytest

from monitoring.models import ImportBatch, KeyFigureValue, Organisation

DATA = Path(__file__).parent / "data"
IMPORT_URL = "/admin/nogletal/import/"


@pytest.fixture(autouse=True)
def private_import_root(settings, tmp_path):
    settings.IMPORT_ROOT = tmp_path / "imports"
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.IMPORT_ROOT


def upload(client, capture, **data):
    files = {key: value.open("rb") for key, value in data.items() if isinstance(value, Path)}
    fields = {"token": uuid.uuid4(), **{k: v for k, v in data.items() if not isinstance(v, Path)}}
    with capture(execute=True):
        return client.post(IMPORT_URL, {**fields, **files})


def test_editor_imports_entities_then_key_figures_and_sees_the_result(
    client, editor, login, django_capture_on_commit_callbacks, private_import_root
):
    login(client, editor)
    response = client.get(IMPORT_URL)
    assert response.status_code == 200
    assert "Import af nøgletal" in response.content.decode()

    response = upload(
        client,
        django_capture_on_commit_callbacks,
        kind="entities",
        organisations=DATA / "organisations.csv",
        estates=DATA / "estates.csv",
    )
    entities_batch = ImportBatch.objects.get(kind="entities")
    assert response.status_code == 302
    assert response.url == f"{IMPORT_URL}{entities_batch.pk}/"
    assert entities_batch.status == ImportBatch.Status.SUCCEEDED, entities_batch.errors
    assert entities_batch.created_by == editor
    assert Organisation.objects.count() == 2

    response = upload(
        client,
        django_capture_on_commit_callbacks,
        kind="key_figures",
        year="2024",
        key_figures=DATA / "key_figures_2024.csv",
    )
    batch = ImportBatch.objects.get(kind="key_figures")
    assert batch.status == ImportBatch.Status.SUCCEEDED, batch.errors
    assert batch.year == 2024 and batch.created_by == editor
    assert KeyFigureValue.objects.filter(year=2024, batch=batch).exists()
    page = client.get(response.url).content.decode()
    assert "Gennemført" in page
    assert "Nøgletal for 2024 indlæst fra key_figures_2024.csv" in page
    assert "hx-trigger" not in page  # finished: no more polling
    # The uploaded files are kept in the private folder, not under media.
    stored = sorted(path.name for path in private_import_root.rglob("*.csv"))
    assert stored == ["estates.csv", "key_figures_2024.csv", "organisations.csv"]
    listing = client.get(IMPORT_URL).content.decode()
    assert "key_figures_2024.csv" in listing and "organisations.csv + estates.csv" in listing


def test_a_rejected_upload_shows_every_problem(
    client, editor, login, django_capture_on_commit_callbacks, tmp_path
):
    bad = tmp_path / "nøgletal.csv"
    bad.write_text("year,level,org_no,estate_no,tenancy_units\n2024,org,0999,,x\n")
    login(client, editor)

    response = upload(
        client, django_capture_on_commit_callbacks, kind="key_figures", year="2024", key_figures=bad
    )

    page = client.get(response.url).content.decode()
    assert "Afvist" in page
    assert "linje 2, kolonne org_no: Boligorganisation 0999 findes ikke" in page
    assert "linje 2, kolonne tenancy_units: «x» er ikke et tal." in page
    assert not KeyFigureValue.objects.exists()


def test_running_import_page_polls_with_htmx_and_the_fragment_stops_when_done(
    client, editor, login
):
    batch = ImportBatch.objects.create(
        kind="key_figures", year=2024, file_name="nøgletal.csv", checksum="0" * 64
    )
    login(client, editor)
    url = f"{IMPORT_URL}{batch.pk}/"

    page = client.get(url).content.decode()
    assert f'hx-get="{url}"' in page and 'hx-trigger="every 2s"' in page
    assert "htmx" in page and "<script>" not in page

    batch.status = ImportBatch.Status.SUCCEEDED
    batch.save()
    fragment = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert fragment.lstrip().startswith("<section")
    assert "Gennemført" in fragment and "hx-trigger" not in fragment


def test_the_form_requires_a_year_and_a_file_for_key_figures(client, editor, login):
    login(client, editor)

    response = client.post(IMPORT_URL, {"kind": "key_figures"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Angiv regnskabsåret." in page and "Vælg nøgletalsfilen." in page
    assert not ImportBatch.objects.exists()


@pytest.mark.parametrize("role", ["caseworker_kk", "member"])
def test_caseworkers_and_members_get_no_import(
    db, client, login, role, request, django_capture_on_commit_callbacks
):
    user = request.getfixturevalue(role)
    login(client, user)

    assert client.get(IMPORT_URL).status_code in (302, 403, 404)
    response = upload(
        client,
        django_capture_on_commit_callbacks,
        kind="key_figures",
        year="2024",
        key_figures=DATA / "key_figures_2024.csv",
    )
    assert response.status_code in (302, 403, 404)
    if response.status_code == 302:
        assert not response.url.startswith(IMPORT_URL)
    assert not ImportBatch.objects.exists()
    batch = ImportBatch.objects.create(kind="key_figures", file_name="x.csv", checksum="0" * 64)
    assert client.get(f"{IMPORT_URL}{batch.pk}/").status_code in (302, 403, 404)


def test_task_refuses_an_uploader_who_lost_the_editor_role(editor, private_import_root):
    from monitoring.importing import ImportFile, storage
    from monitoring.importing.batches import start
    from monitoring.importing.tasks import run_uploaded_import

    source = ImportFile.from_path(DATA / "key_figures_2024.csv")
    batch = start("key_figures", [source], user=editor, year=2024)
    stored = {"key_figures": storage.keep(source)}
    editor.groups.clear()

    run_uploaded_import.enqueue(batch.pk, stored)

    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.FAILED
    assert "må ikke længere" in batch.errors[0]["message"]


def test_a_file_leaving_out_entities_is_imported_only_after_the_editor_confirms_the_loss(
    client, editor, login, django_capture_on_commit_callbacks, tmp_path
):
    login(client, editor)
    upload(
        client,
        django_capture_on_commit_callbacks,
        kind="entities",
        organisations=DATA / "organisations.csv",
        estates=DATA / "estates.csv",
    )
    lines = (DATA / "key_figures_2024.csv").read_text().splitlines(keepends=True)
    partial = tmp_path / "uden_0413.csv"
    partial.write_text("".join(line for line in lines if ",0413," not in line))

    response = upload(
        client,
        django_capture_on_commit_callbacks,
        kind="key_figures",
        year="2024",
        key_figures=partial,
    )
    refused = ImportBatch.objects.get(kind="key_figures")
    assert refused.status == ImportBatch.Status.FAILED
    page = client.get(response.url).content.decode()
    assert "Filen dækker ikke registret for 2024: 1 boligorganisation og 1 afdeling" in page
    assert "Afdeling 0413-001 har ingen række i filen." in page
    assert (
        "Ja, indlæs filen som delvis import: 1 boligorganisation og 1 afdeling mister deres "
        "nøgletal for 2024." in page
    )
    partial_url = f"{IMPORT_URL}{refused.pk}/delvis/"
    assert f'action="{partial_url}"' in page

    with django_capture_on_commit_callbacks(execute=True):
        unconfirmed = client.post(partial_url, {})
    assert unconfirmed.status_code == 200
    assert "Sæt kryds, hvis filen skal indlæses som delvis import." in unconfirmed.content.decode()
    assert not KeyFigureValue.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(partial_url, {"confirm": "on", "token": uuid.uuid4()})

    batch = ImportBatch.objects.filter(kind="key_figures").exclude(pk=refused.pk).get()
    assert response.status_code == 302 and response.url == f"{IMPORT_URL}{batch.pk}/"
    assert batch.status == ImportBatch.Status.SUCCEEDED, batch.errors
    assert batch.created_by == editor and batch.summary["partial"] is True
    assert KeyFigureValue.objects.filter(batch=batch, organisation__org_no="0412").exists()
    assert not KeyFigureValue.objects.filter(organisation__org_no="0413").exists()
    page = client.get(response.url).content.decode()
    assert (
        "Delvis import: 1 boligorganisation og 1 afdeling uden række i filen har ingen nøgletal "
        "for 2024." in page
    )
    assert "delvis/" not in page  # nothing more to confirm


def test_no_partial_import_of_a_file_refused_for_other_reasons(
    client, editor, login, django_capture_on_commit_callbacks, tmp_path
):
    bad = tmp_path / "nøgletal.csv"
    bad.write_text("year,level,org_no,estate_no,tenancy_units\n2024,org,0999,,x\n")
    login(client, editor)
    response = upload(
        client, django_capture_on_commit_callbacks, kind="key_figures", year="2024", key_figures=bad
    )
    refused = ImportBatch.objects.get()

    assert "delvis/" not in client.get(response.url).content.decode()
    assert client.post(f"{IMPORT_URL}{refused.pk}/delvis/", {"confirm": "on"}).status_code == 404
    assert ImportBatch.objects.count() == 1


@pytest.mark.parametrize("role", ["caseworker_kk", "member"])
def test_caseworkers_and_members_cannot_confirm_a_partial_import(db, client, login, role, request):
    login(client, request.getfixturevalue(role))
    refused = ImportBatch.objects.create(
        kind="key_figures",
        year=2024,
        file_name="x.csv",
        checksum="0" * 64,
        status=ImportBatch.Status.FAILED,
        summary={"stored": {"key_figures": "x/x.csv"}, "uncovered": {"organisations": 1}},
    )

    response = client.post(f"{IMPORT_URL}{refused.pk}/delvis/", {"confirm": "on"})

    assert response.status_code in (302, 403, 404)
    assert ImportBatch.objects.count() == 1
