"""Text people type, made safe to show: what a reader sees is what was stored."""

import unicodedata


def visible_text(raw):
    """The text without control, invisible or direction characters (a right-to-left override
    can make "fdp.exe" look like "exe.pdf"), with single ordinary spaces."""
    kept = []
    for character in unicodedata.normalize("NFC", raw):
        category = unicodedata.category(character)
        if category.startswith("Z"):
            kept.append(" ")
        elif not category.startswith("C"):
            kept.append(character)
    return " ".join("".join(kept).split())
