"""Write the synthetic country's import files: organisations, estates, key figures by year and
the planted patterns (see docs/synthetic-data.md)."""

import time

from django.core.management.base import BaseCommand, CommandError

from monitoring import generator


def year_range(text):
    """'2015-2024' or '2024' → [2015, …, 2024]."""
    first, _, last = text.partition("-")
    try:
        first, last = int(first), int(last or first)
    except ValueError as error:
        raise CommandError(f"--years must look like 2015-2024, not {text!r}") from error
    if first > last:
        raise CommandError(f"--years runs backwards: {text!r}")
    return list(range(first, last + 1))


class Command(BaseCommand):
    help = "Generate the synthetic country's organisations, estates and key figures as CSV files."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--years", type=year_range, default="2015-2024")
        parser.add_argument("--out", required=True, help="directory for the CSV files")

    def handle(self, *args, seed, years, out, **options):
        start = time.perf_counter()
        try:
            country = generator.generate(seed, years)
        except ValueError as error:
            raise CommandError(str(error)) from error
        paths = generator.write(country, out)
        rows = sum(len(frame) for frame in country.key_figures.values())
        self.stdout.write(
            f"{len(country.organisations)} organisations, {len(country.estates)} estate keys, "
            f"{rows} key-figure rows for {years[0]}–{years[-1]}, "
            f"{len(country.planted_patterns)} planted expectations; "
            f"{len(paths)} files in {out} ({time.perf_counter() - start:.1f} s)"
        )
