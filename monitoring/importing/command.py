"""What both import commands do with a finished batch: print the summary or fail loudly."""

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from monitoring.models import ImportBatch

from .reading import ImportFile
from .report import error_lines, summary_text


def read_file(path):
    try:
        return ImportFile.from_path(path)
    except OSError as error:
        raise CommandError(
            _("Filen %(path)s kan ikke læses: %(error)s")
            % {
                "path": path,
                "error": error.strerror,
            }
        ) from error


def finish(command, batch):
    """Print the summary; raise CommandError (non-zero exit) listing the problems on failure."""
    if batch.status != ImportBatch.Status.SUCCEEDED:
        raise CommandError("\n".join([summary_text(batch), *error_lines(batch)]))
    command.stdout.write(command.style.SUCCESS(summary_text(batch)))
