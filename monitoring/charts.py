"""Geometry of the SVG line charts: an entity's values against its peers' median and quartile band.

The template draws what this computes; colours come from the stylesheet, so no inline styles.
"""

from dataclasses import dataclass

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 70, 20, 20, 40
TICKS = 4


@dataclass
class ChartLayout:
    chart: object
    own_line: str
    median_line: str
    band: str
    dots: list  # (x, y, year, value)
    x_labels: list  # (x, year)
    y_labels: list  # (y, value)
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    bottom_y: int = HEIGHT - BOTTOM


def _scale(low, high, start, end):
    span = (high - low) or 1.0
    return lambda value: round(start + (value - low) / span * (end - start), 1)


def layout(chart):
    points = chart.points
    numbers = [v for p in points for v in p[1:] if v is not None]
    low, high = min(numbers + [0.0]), max(numbers + [0.0])
    if low == high:
        high = low + 1
    years = [p[0] for p in points]
    x = _scale(years[0], years[-1] if len(years) > 1 else years[0] + 1, LEFT, WIDTH - RIGHT)
    y = _scale(low, high, HEIGHT - BOTTOM, TOP)

    def line(index):
        return " ".join(f"{x(p[0])},{y(p[index])}" for p in points if p[index] is not None)

    banded = [p for p in points if p[2] is not None and p[4] is not None]
    band = " ".join(
        [f"{x(p[0])},{y(p[4])}" for p in banded] + [f"{x(p[0])},{y(p[2])}" for p in banded[::-1]]
    )
    step = (high - low) / TICKS
    return ChartLayout(
        chart=chart,
        own_line=line(1),
        median_line=line(3),
        band=band,
        dots=[(x(p[0]), y(p[1]), p[0], p[1]) for p in points if p[1] is not None],
        x_labels=[(x(year), year) for year in years],
        y_labels=[(y(low + i * step), low + i * step) for i in range(TICKS + 1)],
    )
