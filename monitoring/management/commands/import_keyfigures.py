from django.core.management.base import BaseCommand

from monitoring.importing import import_key_figures
from monitoring.importing.command import finish, read_file


class Command(BaseCommand):
    help = (
        "Import a year's key figures from a CSV or XLSX file, replacing that year's values. "
        "The file must have a row for every organisation and estate that owes figures for the "
        "year, unless --partial is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="key_figures.csv or .xlsx (domain brief §7)")
        parser.add_argument("--year", type=int, required=True, help="the accounting year")
        parser.add_argument(
            "--partial",
            action="store_true",
            help="accept a file that leaves out organisations or estates: they lose their "
            "values for the year",
        )

    def handle(self, file, year, partial, **options):
        finish(self, import_key_figures(read_file(file), year=year, partial=partial))
