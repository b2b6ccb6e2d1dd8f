from django.core.management.base import BaseCommand

from monitoring.importing import import_entities
from monitoring.importing.command import finish, read_file


class Command(BaseCommand):
    help = "Insert or update housing organisations and estates from their CSV or XLSX files."

    def add_arguments(self, parser):
        parser.add_argument("organisations", help="organisations.csv or .xlsx")
        parser.add_argument("estates", help="estates.csv or .xlsx")

    def handle(self, organisations, estates, **options):
        finish(self, import_entities(read_file(organisations), read_file(estates)))
