import os

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from portal import backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `backup` into an empty database and empty file folders, "
        "then check every table's row count and every file's checksum against its manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="the backup's folder")
        parser.add_argument(
            "--database-url",
            default=os.environ.get("DATABASE_URL"),
            help="the empty database to restore into (default: DATABASE_URL)",
        )

    def handle(self, folder, database_url, **options):
        if not database_url:
            raise CommandError(_("Angiv databasen, der skal gendannes i (--database-url)."))
        try:
            restored = backup.restore(folder, database_url)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        if restored.differences:
            raise CommandError(
                _("Gendannelsen stemmer ikke med sikkerhedskopien:\n%s")
                % "\n".join(restored.differences)
            )
        self.stdout.write(
            _("Gendannet og kontrolleret: %(tables)d tabeller, %(rows)d rækker, %(files)d filer.")
            % {"tables": restored.tables, "rows": restored.rows, "files": restored.files}
        )
