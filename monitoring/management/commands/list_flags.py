from django.core.management.base import BaseCommand
from django.db.models import F

from monitoring.models import Flag, Severity
from portal.exports import SafeCsvWriter

SEVERITIES = {"rød": Severity.RED, "gul": Severity.YELLOW}
HEADER = ["entity_type", "org_no", "estate_no", "year", "rule", "severity", "value", "explanation"]


class Command(BaseCommand):
    help = "Print the current flags as CSV, for scripts and operators."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int)
        parser.add_argument("--municipality", type=int, help="Kommunekode of the tilsynskommune.")
        parser.add_argument("--severity", choices=sorted(SEVERITIES))

    def handle(self, *args, year=None, municipality=None, severity=None, **options):
        flags = Flag.objects.current()
        if year is not None:
            flags = flags.filter(year=year)
        if municipality is not None:
            flags = flags.filter(organisation__supervising_municipality__code=municipality)
        if severity is not None:
            flags = flags.filter(severity=SEVERITIES[severity])
        rows = flags.order_by(
            "organisation__org_no",
            F("estate__estate_no").asc(nulls_first=True),
            "year",
            "rule__code",
        )
        labels = {value: label for label, value in SEVERITIES.items()}
        writer = SafeCsvWriter(self.stdout, lineterminator="\n")
        writer.writerow(HEADER)
        for flag in rows.values_list(
            "estate_id",
            "organisation__org_no",
            "estate__estate_no",
            "year",
            "rule__code",
            "severity",
            "value",
            "explanation",
        ).iterator(chunk_size=5000):
            estate_id, org_no, estate_no, year, rule, severity, value, explanation = flag
            writer.writerow(
                [
                    "estate" if estate_id else "org",
                    org_no,
                    estate_no or "",
                    year,
                    rule,
                    labels[severity],
                    "" if value is None else f"{value:.10g}",
                    explanation,
                ]
            )
