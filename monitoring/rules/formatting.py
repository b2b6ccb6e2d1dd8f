"""Danish number formatting and template rendering for flag explanations."""

import math
import string

MISSING = "–"


def format_number(value):
    """A number as Danes write it: decimal comma, thousands dot, few decimals ("5.700", "4,1")."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    magnitude = abs(value)
    decimals = 0 if magnitude >= 100 else 1 if magnitude >= 1 else 2
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text.translate(str.maketrans(",.", ".,"))


class _Context(dict):
    """Unknown placeholders render as a dash rather than failing the whole evaluation."""

    def __missing__(self, key):
        return MISSING


def template_fields(template):
    """The placeholder names a template uses; raises ValueError for a malformed template."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def render(template, context):
    """Fill the template's placeholders; numbers are formatted the Danish way."""
    values = _Context(
        (key, format_number(value) if isinstance(value, (int, float)) else value)
        for key, value in context.items()
        if value is not None
    )
    try:
        return template.format_map(values)
    except (ValueError, IndexError, AttributeError):
        return template
