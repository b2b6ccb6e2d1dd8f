from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from monitoring import evaluation


class Command(BaseCommand):
    help = "Evaluate the active flag rules over all key figures and store the flags."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help="Store only this accounting year's flags.")

    def handle(self, *args, year=None, **options):
        summary = evaluation.evaluate(year=year)
        self.stdout.write(
            _(
                "Flag: %(red)d røde, %(yellow)d gule. Nye: %(new)d, fortsat: %(kept)d, lukket: %(closed)d."
            )
            % vars(summary)
        )
