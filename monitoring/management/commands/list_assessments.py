from django.core.management.base import BaseCommand

from monitoring.models import Assessment, OrganisationAssessment
from portal.exports import SafeCsvWriter

HEADER = [
    "org_no",
    "name",
    "supervising_municipality",
    "year",
    "assessment",
    "score",
    "red_flags",
    "yellow_flags",
    "reasons",
]
LABELS = {Assessment.RED: "rød", Assessment.YELLOW: "gul", Assessment.GREEN: "grøn"}


class Command(BaseCommand):
    help = "Print the organisations' assessments (rød, gul, grøn) of a year as CSV."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--municipality", type=int, help="Kommunekode of the tilsynskommune.")

    def handle(self, *args, year, municipality=None, **options):
        assessments = OrganisationAssessment.objects.filter(year=year)
        if municipality is not None:
            assessments = assessments.filter(
                organisation__supervising_municipality__code=municipality
            )
        writer = SafeCsvWriter(self.stdout, lineterminator="\n")
        writer.writerow(HEADER)
        for org_no, name, code, assessment, score, red, yellow, reasons in (
            assessments.order_by("rank", "-score", "organisation__org_no")
            .values_list(
                "organisation__org_no",
                "organisation__name",
                "organisation__supervising_municipality__code",
                "assessment",
                "score",
                "red_flags",
                "yellow_flags",
                "reasons",
            )
            .iterator(chunk_size=2000)
        ):
            writer.writerow(
                [
                    org_no,
                    name,
                    f"{code:03d}",
                    year,
                    LABELS[assessment],
                    f"{score:g}",
                    red,
                    yellow,
                    reasons,
                ]
            )
