"""Back up the database and the private file folders, and restore them into an empty database.

A backup is a folder: `database.dump` (pg_dump's custom format on PostgreSQL, an SQLite copy made
with SQLite's online backup otherwise), `files.tar.gz` (the uploaded media, the imported key-figure
files and the networks' files) and `manifest.json` with every table's row count and every file's
SHA-256. A restore refuses a database that holds tables, then checks the restored rows and files
against the manifest, so each restore is also a drill.
"""

import contextlib
import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

import dj_database_url
import psycopg
from django.conf import settings
from django.db import connection
from django.utils.translation import gettext as _

MANIFEST = "manifest.json"
DATABASE_FILE = "database.dump"
FILES_ARCHIVE = "files.tar.gz"


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why."""


def file_roots():
    """The private folders a backup carries, by the name they have in the archive."""
    return {
        "media": Path(settings.MEDIA_ROOT),
        "imports": Path(settings.IMPORT_ROOT),
        "network-files": Path(settings.NETWORK_FILES_ROOT),
    }


def create(folder):
    """Write a backup of the default database and the file folders into `folder` (new)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=False)
    config = connection.settings_dict
    if connection.vendor == "postgresql":
        subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", "--file", folder / DATABASE_FILE],
            env=_libpq_environment(config),
            check=True,
        )
    else:
        connection.ensure_connection()
        with sqlite3.connect(folder / DATABASE_FILE) as target:
            connection.connection.backup(target)
    files = _archive_files(folder / FILES_ARCHIVE)
    tables = _row_counts(connection.cursor(), connection.introspection.table_names())
    manifest = {
        "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "vendor": connection.vendor,
        "tables": tables,
        "files": files,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True))
    return manifest


@dataclass
class Restored:
    tables: int
    rows: int
    files: int
    differences: list


def restore(folder, database_url):
    """Restore the backup in `folder` into the empty database at `database_url` and the file
    folders, and compare what is there with the manifest."""
    folder = Path(folder)
    manifest = json.loads((folder / MANIFEST).read_text())
    target = dj_database_url.parse(database_url)
    vendor = "postgresql" if "postgresql" in target["ENGINE"] else "sqlite"
    if vendor != manifest["vendor"]:
        raise BackupError(
            _("Sikkerhedskopien er fra %(backup)s og kan ikke lægges i %(target)s.")
            % {"backup": manifest["vendor"], "target": vendor}
        )
    with _open(target, vendor) as cursor:
        if _table_names(cursor, vendor):
            raise BackupError(_("Databasen er ikke tom. Gendan kun i en tom database."))
    taken = [name for name, path in _destinations(manifest["files"]) if path.exists()]
    if taken:
        raise BackupError(
            _("Filen %(name)s findes allerede. Gendan kun i tomme mapper.") % {"name": taken[0]}
        )
    if vendor == "postgresql":
        subprocess.run(
            ["pg_restore", "--no-owner", "--exit-on-error", "--dbname", target["NAME"]],
            env=_libpq_environment(target),
            stdin=(folder / DATABASE_FILE).open("rb"),
            check=True,
        )
    else:
        shutil.copyfile(folder / DATABASE_FILE, target["NAME"])
    _extract_files(folder / FILES_ARCHIVE)
    with _open(target, vendor) as cursor:
        tables = _row_counts(cursor, manifest["tables"])
    differences = [
        _("%(table)s: %(rows)d rækker i kopien, %(restored)d gendannet")
        % {"table": table, "rows": rows, "restored": tables[table]}
        for table, rows in manifest["tables"].items()
        if tables[table] != rows
    ]
    restored_files = {name: _sha256(path) for name, path in _files()}
    differences += [
        _("%(name)s: mangler eller er ændret") % {"name": name}
        for name, checksum in manifest["files"].items()
        if restored_files.get(name) != checksum
    ]
    return Restored(len(tables), sum(tables.values()), len(manifest["files"]), differences)


def _libpq_environment(config):
    return {
        **os.environ,
        "PGDATABASE": config["NAME"],
        "PGUSER": config.get("USER") or "",
        "PGPASSWORD": config.get("PASSWORD") or "",
        "PGHOST": config.get("HOST") or "",
        "PGPORT": str(config.get("PORT") or ""),
    }


@contextlib.contextmanager
def _open(config, vendor):
    """A cursor on the target database, outside Django's connections."""
    if vendor == "postgresql":
        db = psycopg.connect(**_psycopg_arguments(config), autocommit=True)
    else:
        db = sqlite3.connect(config["NAME"])
    try:
        yield db.cursor()
    finally:
        db.close()


def _psycopg_arguments(config):
    arguments = {
        "dbname": config["NAME"],
        "user": config.get("USER"),
        "password": config.get("PASSWORD"),
        "host": config.get("HOST"),
        "port": config.get("PORT"),
    }
    return {key: value for key, value in arguments.items() if value}


def _table_names(cursor, vendor):
    if vendor == "postgresql":
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    else:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    return [row[0] for row in cursor.fetchall()]


def _row_counts(cursor, tables):
    counts = {}
    for table in sorted(tables):
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # names from the schema, not users
        counts[table] = cursor.fetchone()[0]
    return counts


def _files():
    for name, root in file_roots().items():
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.is_file():
                    yield f"{name}/{path.relative_to(root).as_posix()}", path


def _sha256(path):
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def _archive_files(archive):
    """Archive every file; their checksums by archive name."""
    checksums = {}
    with tarfile.open(archive, "w:gz") as tar:
        for name, path in _files():
            tar.add(path, arcname=name, recursive=False)
            checksums[name] = _sha256(path)
    return checksums


def _destinations(names):
    roots = file_roots()
    for name in names:
        top, _, rest = name.partition("/")
        yield name, roots[top] / rest


def _extract_files(archive):
    roots = file_roots()
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            top, _, member.name = member.name.partition("/")
            tar.extract(member, roots[top], filter="data")
