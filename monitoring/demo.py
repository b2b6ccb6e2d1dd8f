"""The demo's country: generated key figures for 2015–2024, imported as an editor would, then
evaluated. Idempotent: a file already imported with the same checksum is skipped.

DEMO ONLY: the figures are synthetic (docs/synthetic-data.md).
"""

from django.conf import settings

from monitoring import generator
from monitoring.importing import ImportFile, error_lines, import_entities, import_key_figures
from monitoring.models import ImportBatch

SEED = 1
YEARS = list(range(2015, 2025))


def demo_directory():
    return settings.BASE_DIR / "var" / "demo-noegletal"


def files(directory):
    """The generated files, written once per checkout."""
    if not (directory / f"key_figures_{YEARS[-1]}.csv").exists():
        generator.write(generator.generate(SEED, YEARS), directory)
    return directory


def already_imported(sources):
    return ImportBatch.objects.filter(
        status=ImportBatch.Status.SUCCEEDED,
        summary__files=[{"name": s.name, "sha256": s.checksum} for s in sources],
    ).exists()


def checked(batch, log):
    log(f"  {batch.file_name}: {batch.get_status_display()}")
    if batch.status != ImportBatch.Status.SUCCEEDED:
        raise RuntimeError("\n".join(error_lines(batch)))


def load(log=print):
    """Import what is new; returns True if anything was imported."""
    directory = files(demo_directory())
    imported = False
    entity_files = [
        ImportFile.from_path(directory / "organisations.csv"),
        ImportFile.from_path(directory / "estates.csv"),
    ]
    if not already_imported(entity_files):
        checked(import_entities(*entity_files), log)
        imported = True
    for year in YEARS:
        source = ImportFile.from_path(directory / f"key_figures_{year}.csv")
        if already_imported([source]):
            continue
        checked(import_key_figures(source, year=year), log)
        imported = True
    return imported
