"""What monitoring's data migrations install, as it was when they were written.

A migration must install the same rows whenever it runs, so it reads the files in `data/`,
never the live catalogue in `monitoring.key_figures_data`: changing that later needs a new
migration. (A leading underscore keeps Django from loading this as a migration.)
"""

import json
from pathlib import Path

DATA = Path(__file__).parent / "data"


def install_key_figures(KeyFigure, StatutoryRate):
    """Create or update the key-figure catalogue and the statutory rates of migration 0002."""
    data = json.loads((DATA / "0002_key_figures.json").read_text(encoding="utf-8"))
    for order, figure in enumerate(data["key_figures"]):
        KeyFigure.objects.update_or_create(
            code=figure["code"],
            defaults={
                "name": figure["name"],
                "unit": figure["unit"],
                "for_estates": "A" in figure["levels"],
                "for_organisations": "O" in figure["levels"],
                "direction": figure["direction"],
                "kind": figure["kind"],
                "derived": figure["derived"],
                "description": figure["description"],
                "sort_order": order,
            },
        )
    for year, rates in data["statutory_rates"].items():
        StatutoryRate.objects.update_or_create(
            year=int(year), defaults=dict(zip(data["rate_fields"], rates, strict=True))
        )


def install_key_figure_decimals(KeyFigure):
    """Set the decimals each figure is shown with, as migration 0024 chose them."""
    data = json.loads((DATA / "0024_key_figure_decimals.json").read_text(encoding="utf-8"))
    for code, decimals in data["decimals"].items():
        KeyFigure.objects.filter(code=code).update(decimals=decimals)
