"""Markup rendered once with markers where a request's own values go, and filled per request.

A template is rendered with a marker in place of each per-request value and split at the
markers into *pieces* (text, slot name, text, …, text), which can be kept and shared; `fill`
joins them with one request's values. The markers carry a random word drawn for each rendering,
so no content can forge or split one, and control characters (which HTML forbids) are dropped
from the kept text. Values are put in as given: the caller escapes them as the template would.
"""

import re
import secrets

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

# C0 control characters but tab, line feed and carriage return, and DEL.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def printable(text):
    """`text` without the control characters HTML forbids."""
    return CONTROL.sub("", text)


def pieces(template, context):
    """`template` rendered and split at its slots; `context(slot)` gives the template's context,
    with `slot(name)` as the stand-in for each per-request value (it survives HTML escaping)."""
    word = secrets.token_hex(8)

    def slot(name):
        return mark_safe(f"\x1e{word}:{name}\x1e")

    parts = re.split(f"\x1e{word}:([a-z_]+)\x1e", render_to_string(template, context(slot)))
    parts[::2] = [printable(text) for text in parts[::2]]
    return parts


def fill(parts, values):
    """The markup of `parts` with each slot's value from `values` (already escaped)."""
    return mark_safe("".join(part if n % 2 == 0 else values[part] for n, part in enumerate(parts)))
