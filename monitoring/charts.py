"""Geometry of the SVG line charts: an entity's values against its peers' median and quartile band,
with year labels, a value axis in the figure's unit, the flagged years marked, and the legend's
entries (drawn as HTML beside the SVG, so that it wraps and stays readable on a phone).

Every coordinate leaves here as text written with a decimal point ("70.0"), so no template
filter or locale can turn it into "70,0"; labels are formatted by `monitoring.formatting`. The
template draws what this computes; colours come from the stylesheet, so no inline styles.
"""

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _

from monitoring import formatting

WIDTH, HEIGHT = 480, 270
RIGHT, TOP, PLOT_BOTTOM = 14, 36, 230
X_LABEL_Y = PLOT_BOTTOM + 24
# Room for a tick label: the stylesheet draws labels at most 18 units high on a phone, whose
# characters are about 11 units wide.
LABEL_CHARACTER, MIN_LEFT = 11, 40
MAX_YEAR_LABELS = 6  # more, and every other year's label is left out on a phone
TICKS = 5
STEPS = (1, 2, 5, 10)


def coordinate(number):
    """An SVG coordinate, locale-independent."""
    return f"{number:.1f}"


@dataclass
class Tick:
    y: str
    label: str


@dataclass
class YearLabel:
    x: str
    year: int
    minor: bool  # left out on a phone: every other year, counted back from the newest


@dataclass
class Point:
    x: str
    y: str
    year: int
    label: str  # the value as text, for the marker's title
    flag: str  # the year's worst flag on the figure: "red", "yellow" or ""


@dataclass
class LegendItem:
    kind: str  # own, median, band, red, yellow: the swatch to draw
    label: str


@dataclass
class ChartLayout:
    chart: object
    unit: str
    own_line: str
    median_line: str
    band: str
    points: list
    ticks: list
    years: list
    legend: list
    rows: list  # (year, value, lower quartile, median, upper quartile, flag): the data table
    left: int
    width: int = WIDTH
    height: int = HEIGHT
    right: int = WIDTH - RIGHT
    top: int = TOP
    bottom: int = PLOT_BOTTOM
    x_label_y: int = X_LABEL_Y


def value_ticks(low, high, places):
    """Round tick values covering low..high, about TICKS of them, never finer than the figure's
    decimals; and the decimals their labels need."""
    span = high - low or abs(high) or 1.0
    raw = span / (TICKS - 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in STEPS if m * magnitude >= raw)
    step = max(step, 10.0**-places)
    first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
    if first == last:
        last += 1
    label_places = min(places, max(0, -math.floor(math.log10(step) + 1e-9)))
    return [i * step for i in range(first, last + 1)], label_places


def _scale(low, high, start, end):
    span = (high - low) or 1.0
    return lambda value: start + (value - low) / span * (end - start)


def layout(chart, subject, flags):
    """`chart`'s points as SVG geometry; `subject` names the entity's line in the legend and
    `flags` maps a year to its worst flag on the figure."""
    figure, points = chart.figure, chart.points
    numbers = [v for p in points for v in p[1:] if v is not None]
    places = formatting.decimals(figure)
    tick_values, label_places = value_ticks(min(numbers), max(numbers), places)
    ticks = [formatting.format_number(v, label_places) for v in tick_values]
    left = max(MIN_LEFT, 16 + LABEL_CHARACTER * max(map(len, ticks)))
    years = [p[0] for p in points]
    x = _scale(years[0] - 0.5, years[-1] + 0.5, left, WIDTH - RIGHT)
    y = _scale(tick_values[0], tick_values[-1], PLOT_BOTTOM, TOP)

    def at(year, value):
        return f"{coordinate(x(year))},{coordinate(y(value))}"

    def line(index):
        return " ".join(at(p[0], p[index]) for p in points if p[index] is not None)

    banded = [p for p in points if p[2] is not None and p[4] is not None]
    band = " ".join([at(p[0], p[4]) for p in banded] + [at(p[0], p[2]) for p in banded[::-1]])
    severities = {flags[year] for year in years if year in flags}
    thinned = len(years) > MAX_YEAR_LABELS
    return ChartLayout(
        chart=chart,
        unit=formatting.unit(figure),
        own_line=line(1),
        median_line=line(3),
        band=band,
        points=[
            Point(
                coordinate(x(p[0])),
                coordinate(y(p[1])),
                p[0],
                formatting.format_value(figure, p[1]),
                flags.get(p[0], ""),
            )
            for p in points
            if p[1] is not None
        ],
        ticks=[Tick(coordinate(y(v)), label) for v, label in zip(tick_values, ticks, strict=True)],
        years=[
            YearLabel(coordinate(x(year)), year, thinned and (years[-1] - year) % 2 == 1)
            for year in years
        ],
        legend=_legend(subject, bool(line(3)), bool(band), severities),
        rows=[(*p, flags.get(p[0], "")) for p in points],
        left=left,
    )


def _legend(subject, median, band, severities):
    items = [("own", subject)]
    if median:
        items.append(("median", _("Median, sammenlignelige")))
    if band:
        items.append(("band", _("Midterste halvdel (kvartiler)")))
    if "red" in severities:
        items.append(("red", _("År med rødt flag")))
    if "yellow" in severities:
        items.append(("yellow", _("År med gult flag")))
    return [LegendItem(kind, label) for kind, label in items]
