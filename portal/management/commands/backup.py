from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from portal import backup


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump on PostgreSQL) and the private file folders into a new "
        "folder, with a manifest of row counts and file checksums for `restore` to check."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="a folder that does not exist yet")

    def handle(self, folder, **options):
        manifest = backup.create(folder)
        self.stdout.write(
            _("Sikkerhedskopi i %(folder)s: %(tables)d tabeller, %(rows)d rækker, %(files)d filer.")
            % {
                "folder": folder,
                "tables": len(manifest["tables"]),
                "rows": sum(manifest["tables"].values()),
                "files": len(manifest["files"]),
            }
        )
