"""Snippets for the result page: the part of a result's text where the query's words are, with
whole words marked by their Danish stem ("tilsynets" for "tilsyn", never "og" in "også")."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from portal.search import analysis
from portal.search.query import parse

SNIPPET_WORDS = 30
_PIECES = re.compile(r"(\w+)")


def query_stems(query):
    """The stems (and compound parts' stems) of the query's meaningful words, not excluded ones."""
    parsed = parse(query)
    words = [w for unit in parsed.units for term in unit for w in term.words]
    return {s for w in analysis.content_words(" ".join(words)) for s in analysis.word_stems(w)}


def _matches(word, stems):
    return bool(stems) and analysis.stem(word) in stems


def highlight(text, query, stems=None):
    """The text, escaped, with each word whose stem is one of the query's wrapped in <mark>."""
    stems = query_stems(query) if stems is None else stems
    pieces = []
    for piece in _PIECES.split(text):
        if piece[:1].isalnum() and _matches(piece, stems):
            pieces.append(f"<mark>{escape(piece)}</mark>")
        else:
            pieces.append(escape(piece))
    return mark_safe("".join(pieces))


def snippet(text, query, length=SNIPPET_WORDS, stems=None):
    """About `length` words of the text around its first match, highlighted, with an ellipsis
    where text was left out; the start of the text when nothing matches."""
    stems = query_stems(query) if stems is None else stems
    words = " ".join(text.split()).split(" ")
    first = next(
        (i for i, w in enumerate(words) if any(_matches(p, stems) for p in _PIECES.findall(w))), 0
    )
    start = max(0, min(first - length // 3, len(words) - length))
    chosen = " ".join(words[start : start + length])
    before = "… " if start else ""
    after = " …" if start + length < len(words) else ""
    return mark_safe(f"{before}{highlight(chosen, query, stems)}{after}")
