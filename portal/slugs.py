"""ASCII addresses with the Danish letters written out as the portal's existing URLs do:
æ → ae, ø → oe, å → aa ("opfoelgning-paa-tilsyn", not "opflgning-pa-tilsyn")."""

from django.utils.text import slugify
from wagtail.admin.widgets import SlugInput

DANISH_LETTERS = {"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"}
_TRANSLATION = str.maketrans(DANISH_LETTERS)


def danish_slugify(text):
    return slugify(text.translate(_TRANSLATION))


class DanishSlugInput(SlugInput):
    """Wagtail's slug field, writing the Danish letters out before its own transliteration
    (which would make ø an o and å an a)."""

    def __init__(self, attrs=None):
        super().__init__(
            attrs, formatters=[(letter, ascii.lower()) for letter, ascii in DANISH_LETTERS.items()]
        )
