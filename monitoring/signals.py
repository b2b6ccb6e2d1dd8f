"""Signals the monitoring app sends."""

from django.dispatch import Signal

# Sent in transaction.on_commit after a key-figure import succeeded; `batch` is the ImportBatch.
key_figures_imported = Signal()
