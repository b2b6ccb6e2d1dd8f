from django.core.management.base import BaseCommand

from network.emails import DIGEST_PERIODS, send_digests


class Command(BaseCommand):
    help = (
        "Queue the daily or weekly digest of network notifications for the background worker. "
        "Run it once a day (daily) and once a week (weekly); a repeated run sends nothing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--frequency", required=True, choices=[str(f) for f in DIGEST_PERIODS])

    def handle(self, *args, frequency, **options):
        result = send_digests.enqueue(frequency)
        if options["verbosity"]:
            self.stdout.write(f"Queued {frequency} digests ({result.id}).")
