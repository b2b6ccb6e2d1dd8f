"""Synthetic country-scale data for the monitoring app (domain brief §8): organisations,
estates and ten years of key figures in the import layouts, with planted patterns that the
default flag rules must catch. See docs/synthetic-data.md."""

from pathlib import Path

from .country import Country, generate

__all__ = ["Country", "generate", "write"]


def write(country, out_dir):
    """Write the country's files; returns their paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    frames = {
        "organisations.csv": country.organisations,
        "estates.csv": country.estates,
        "planted_patterns.csv": country.planted_patterns,
        **{f"key_figures_{year}.csv": frame for year, frame in country.key_figures.items()},
    }
    paths = []
    for name, frame in frames.items():
        path = out_dir / name
        frame.to_csv(path, index=False, lineterminator="\n")
        paths.append(path)
    return paths
