"""The generated country imported as an editor would, one timed file at a time.

Evaluation on import is switched off while importing, as `make demo` does: the benchmark times
the import and the evaluation separately.
"""

import contextlib
import time

from monitoring import generator
from monitoring.importing import ImportFile, error_lines, import_entities, import_key_figures
from monitoring.models import ImportBatch
from monitoring.signals import key_figures_imported
from monitoring.triggers import EVALUATE_ON_IMPORT, key_figures_changed

YEARS = list(range(2015, 2025))


class ImportFailed(RuntimeError):
    pass


def write_files(seed, directory):
    """Generate the country for `seed` and write its files; returns the seconds taken."""
    started = time.perf_counter()
    generator.write(generator.generate(seed, YEARS), directory)
    return time.perf_counter() - started


@contextlib.contextmanager
def no_evaluation_on_import():
    key_figures_imported.disconnect(dispatch_uid=EVALUATE_ON_IMPORT)
    try:
        yield
    finally:
        key_figures_imported.connect(key_figures_changed, dispatch_uid=EVALUATE_ON_IMPORT)


def succeeded(batch):
    if batch.status != ImportBatch.Status.SUCCEEDED:
        raise ImportFailed(f"{batch.file_name}: " + "\n".join(error_lines(batch)))
    return batch


def import_entity_files(directory):
    """Seconds to import organisations.csv and estates.csv, reading the files included."""
    started = time.perf_counter()
    with no_evaluation_on_import():
        succeeded(
            import_entities(
                ImportFile.from_path(directory / "organisations.csv"),
                ImportFile.from_path(directory / "estates.csv"),
            )
        )
    return time.perf_counter() - started


def import_year(directory, year):
    """(seconds, rows in the file) to import one year's key figures, reading the file included.

    A year already imported is replaced, as an editor's corrected file would be.
    """
    started = time.perf_counter()
    with no_evaluation_on_import():
        source = ImportFile.from_path(directory / f"key_figures_{year}.csv")
        batch = succeeded(import_key_figures(source, year=year))
    return time.perf_counter() - started, batch.rows
