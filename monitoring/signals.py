"""Signals other parts of the monitoring app listen to."""

from django.dispatch import Signal

# Sent with `batch` (an ImportBatch) after a key-figure import has committed: flag evaluation
# listens, so it always reads the values the import wrote.
key_figures_imported = Signal()
