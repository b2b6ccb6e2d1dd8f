"""Importing entity and key-figure files: read with pandas, validate every cell at once, write
in one transaction, and record each attempt as an ImportBatch."""

from .imports import import_entities, import_key_figures
from .reading import ImportFile
from .report import error_lines, summary_text

__all__ = [
    "ImportFile",
    "error_lines",
    "import_entities",
    "import_key_figures",
    "summary_text",
]
