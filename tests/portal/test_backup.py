"""The restore drill: back up a database with rows and files, restore it into an empty
database and empty folders, and find every row count and file as they were."""

import itertools
import sqlite3

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from portal.models import User

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def folders(settings, tmp_path):
    """Point the three private folders somewhere; returns a function to move them."""

    def use(name):
        for setting in ("MEDIA_ROOT", "IMPORT_ROOT", "NETWORK_FILES_ROOT"):
            path = tmp_path / name / setting.lower()
            path.mkdir(parents=True)
            setattr(settings, setting, path)

    use("original")
    return use


@pytest.fixture
def empty_database(tmp_path):
    """`empty_database()`: the URL of a new, empty database of the suite's kind."""
    numbers = itertools.count()
    created = []

    def make():
        number = next(numbers)
        if connection.vendor != "postgresql":
            return f"sqlite:///{tmp_path / f'gendannet-{number}.sqlite3'}"
        config = connection.settings_dict
        name = f"{config['NAME']}_restore_{number}"
        with psycopg.connect(dbname="postgres", **_server(config), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.execute(f'CREATE DATABASE "{name}"')
        created.append(name)
        user = config["USER"] or ""
        return f"postgres://{user}@{config['HOST']}:{config['PORT']}/{name}"

    yield make
    if created:
        config = connection.settings_dict
        with psycopg.connect(dbname="postgres", **_server(config), autocommit=True) as admin:
            for name in created:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def _server(config):
    return {key.lower(): config[key] for key in ("USER", "HOST", "PORT") if config[key]}


def _restored_emails(url):
    if url.startswith("sqlite"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
            return {row[0] for row in db.execute("SELECT email FROM portal_user")}
    with psycopg.connect(url) as db:
        return {row[0] for row in db.execute("SELECT email FROM portal_user")}


def test_a_backup_restores_into_an_empty_database_with_every_row_and_file(
    migrated_db, make_user, folders, empty_database, settings, tmp_path
):
    make_user(email="sagsbehandler@aarhus.dk")
    attachment = settings.NETWORK_FILES_ROOT / "2026" / "referat.pdf"
    attachment.parent.mkdir()
    attachment.write_bytes(b"%PDF-1.7 referat fra netvaerksmoedet")
    (settings.IMPORT_ROOT / "noegletal_2024.csv").write_text("year,level\n")
    call_command("backup", tmp_path / "kopi", stdout=(created := _Output()))
    users = User.objects.count()
    folders("restored")
    target = empty_database()

    call_command("restore", tmp_path / "kopi", database_url=target, stdout=(restored := _Output()))

    assert "Gendannet og kontrolleret" in restored.text
    assert "2 filer" in created.text and "2 filer" in restored.text
    assert "sagsbehandler@aarhus.dk" in _restored_emails(target)
    assert len(_restored_emails(target)) == users
    restored_file = settings.NETWORK_FILES_ROOT / "2026" / "referat.pdf"
    assert restored_file.read_bytes() == b"%PDF-1.7 referat fra netvaerksmoedet"


def test_a_restore_refuses_a_database_with_tables_and_reports_what_differs(
    migrated_db, folders, empty_database, tmp_path
):
    call_command("backup", tmp_path / "kopi", stdout=_Output())
    folders("first")
    target = empty_database()
    call_command("restore", tmp_path / "kopi", database_url=target, stdout=_Output())
    folders("second")

    with pytest.raises(CommandError, match="Databasen er ikke tom"):
        call_command("restore", tmp_path / "kopi", database_url=target, stdout=_Output())

    manifest = tmp_path / "kopi" / "manifest.json"
    manifest.write_text(
        manifest.read_text().replace('"portal_municipality": ', '"portal_municipality": 1')
    )
    with pytest.raises(CommandError, match="portal_municipality: 1"):
        call_command("restore", tmp_path / "kopi", database_url=empty_database(), stdout=_Output())


class _Output:
    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text += text

    def flush(self):
        pass
