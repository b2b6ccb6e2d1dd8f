"""File names as people gave them, made safe to show and to send back in a header."""

import re
import unicodedata
from urllib.parse import quote

from portal.text import visible_text

MAX_STEM_LENGTH = 120
FALLBACK_STEM = "fil"
UNSAFE_IN_FALLBACK = re.compile(r"[^A-Za-z0-9 ._()\-]")


def clean(raw):
    """A file name as shown: no folders, only visible text, no leading or trailing dots."""
    return visible_text(re.split(r"[/\\]", raw)[-1]).strip(" .")


def split_extension(name):
    """(stem, lower-case extension or "")."""
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem or " " in extension:
        return name, ""
    return stem, extension.lower()


def with_extension(stem, extension):
    stem = stem[:MAX_STEM_LENGTH].rstrip(" .") or FALLBACK_STEM
    return f"{stem}.{extension}"


def content_disposition(name):
    """`attachment` with an ASCII fallback name and the exact name as UTF-8 (RFC 6266, 5987).
    Safe for any input: the fallback keeps only harmless characters, the rest is percent-encoded."""
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_name = "".join(c for c in decomposed if not unicodedata.combining(c))
    fallback = re.sub(r"_+", "_", UNSAFE_IN_FALLBACK.sub("_", ascii_name)).strip(" .")
    stem, extension = split_extension(fallback)
    if not re.search(r"[A-Za-z0-9]", stem):
        fallback = with_extension(FALLBACK_STEM, extension) if extension else FALLBACK_STEM
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"
