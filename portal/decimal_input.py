"""Decimal numbers typed as Danes and browsers type them: `6,0` and `6.0` are both six.

A number input (`type="number"`) is read by the browser in its own locale, so in a Danish
Chromium "6,0" could reach the server as 60. A text input with `inputmode="decimal"` sends what
was typed, and this field reads it: a comma or a point as the decimal mark, Danish thousands
points (`1.234,5`), spaces as grouping. What could mean two numbers (`1.000`: one or a
thousand?) is refused with a question rather than guessed.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DANISH_GROUPED = re.compile(r"-?\d{1,3}(\.\d{3})+(,\d+)?")
AMBIGUOUS = re.compile(r"-?[1-9]\d{0,2}\.\d{3}")
PLAIN = re.compile(r"-?(\d+([.,]\d*)?|[.,]\d+)")


def parse_decimal(text):
    """The number in `text`, or ValueError for what is no number or could be two."""
    text = re.sub(r"[\s\u00a0\u202f]", "", text).replace("\u2212", "-")
    if AMBIGUOUS.fullmatch(text):
        raise AmbiguousNumber(text)
    if DANISH_GROUPED.fullmatch(text):
        return float(text.replace(".", "").replace(",", "."))
    if PLAIN.fullmatch(text):
        return float(text.replace(",", "."))
    raise ValueError(text)


def format_decimal(value):
    """A number as a Dane writes it in a form: decimal comma, no grouping, no trailing zeros."""
    return format(value, ".12g").replace(".", ",")


class AmbiguousNumber(ValueError):
    pass


class DecimalInputField(forms.FloatField):
    """A float typed with a decimal comma or point, shown back with a comma."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
    default_error_messages = {
        "invalid": _("Skriv et tal, fx 6,5."),
        "ambiguous": _(
            "Skriv %(thousands)s for tusinder eller %(decimal)s med decimalkomma: "
            "%(value)s kan læses begge veje."
        ),
    }

    def to_python(self, value):
        if value in self.empty_values or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, (int, float)):
            return float(value)
        try:
            return parse_decimal(str(value))
        except AmbiguousNumber:
            raise ValidationError(
                self.error_messages["ambiguous"],
                code="ambiguous",
                params={
                    "value": value,
                    "thousands": value.replace(".", ""),
                    "decimal": value.replace(".", ","),
                },
            ) from None
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None

    def prepare_value(self, value):
        return format_decimal(value) if isinstance(value, (int, float)) else value
