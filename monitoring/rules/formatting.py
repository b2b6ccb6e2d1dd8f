"""Danish number formatting and template rendering for flag explanations."""

import math
import numbers
import string

MISSING = "–"
_DANISH = str.maketrans(",.", ".,")


def format_number(value):
    """A number as Danes write it: decimal comma, thousands dot, few decimals ("5.700", "4,1")."""
    if value is None or math.isnan(value):
        return MISSING
    magnitude = abs(value)
    if magnitude >= 100:
        text = f"{value:,.0f}"
    else:
        text = f"{value:.{1 if magnitude >= 1 else 2}f}".rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text.translate(_DANISH)


class _Context(dict):
    """Unknown placeholders render as a dash rather than failing the whole evaluation."""

    def __missing__(self, key):
        return MISSING


def template_fields(template):
    """The placeholder names a template uses; raises ValueError for a malformed template."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def format_value(value):
    """A placeholder's text: numbers the Danish way, missing values as a dash."""
    if isinstance(value, float):
        return format_number(value)
    if value is None:
        return MISSING
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return format_number(float(value))
    return str(value)


def render(template, context):
    """Fill the template's placeholders from `context` (one flag's values)."""
    return render_rows(template, {key: [value] for key, value in context.items()})[0]


def render_rows(template, columns):
    """Render the template once per row; `columns` maps placeholder names to equal-length
    sequences. Only the placeholders the template uses are formatted."""
    try:
        used = [name for name in template_fields(template) if name in columns]
    except ValueError:
        used = []
    texts = [[format_value(value) for value in columns[name]] for name in used]
    rows = len(next(iter(columns.values()), []))
    results = []
    for values in zip(*texts, strict=True) if texts else [()] * rows:
        try:
            results.append(template.format_map(_Context(zip(used, values, strict=True))))
        except (ValueError, IndexError, AttributeError, KeyError):
            results.append(template)
    return results
