"""Filling a flag rule's explanation template, every number written by the one formatter of
figures (monitoring/formatting.py): the engine says how each placeholder is formatted (a
figure's value with its decimals, a change in percent, a year); anything else numeric is a
quantity ("97,5"), a text stays as it is and a missing value is a dash."""

import numbers
import string

from monitoring import formatting


class _Context(dict):
    """Unknown placeholders render as a dash rather than failing the whole evaluation."""

    def __missing__(self, key):
        return formatting.MISSING


def template_fields(template):
    """The placeholder names a template uses; raises ValueError for a malformed template."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def format_other(value):
    """A placeholder the engine gives no formatter: a text, or a number as a quantity."""
    if isinstance(value, str):
        return value
    if value is None or (isinstance(value, numbers.Real) and not isinstance(value, bool)):
        return formatting.format_quantity(value)
    return str(value)


def format_year(value):
    return formatting.MISSING if formatting.is_missing(value) else str(int(value))


def render(template, context, formatters=None):
    """Fill the template's placeholders from `context` (one flag's values)."""
    columns = {key: [value] for key, value in context.items()}
    return render_rows(template, columns, formatters)[0]


def render_rows(template, columns, formatters=None):
    """Render the template once per row; `columns` maps placeholder names to equal-length
    sequences, `formatters` placeholder names to the function writing their values. Only the
    placeholders the template uses are formatted."""
    formatters = formatters or {}
    try:
        used = [name for name in template_fields(template) if name in columns]
    except ValueError:
        used = []
    texts = [
        [formatters.get(name, format_other)(value) for value in columns[name]] for name in used
    ]
    rows = len(next(iter(columns.values()), []))
    results = []
    for values in zip(*texts, strict=True) if texts else [()] * rows:
        try:
            results.append(template.format_map(_Context(zip(used, values, strict=True))))
        except (ValueError, IndexError, AttributeError, KeyError):
            results.append(template)
    return results
