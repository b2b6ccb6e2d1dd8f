"""Snippets for the result page: the part of a result's text where the query's words are, with
whole words marked by their Danish stem ("tilsynets" for "tilsyn", never "og" in "også").

A word is marked when its stem is one of the query's. A Danish Snowball stem is the start of
the lower-cased word, so one expression per query (`_marker`) finds the words that may be
marked, and only those are stemmed; the rest of the text is escaped in whole stretches.
"""

import functools
import html
import re

from django.utils.safestring import mark_safe

from portal.search import analysis
from portal.search.query import parse

SNIPPET_WORDS = 30
_WORD = re.compile(r"\w+")


def query_stems(query):
    """The stems (and compound parts' stems) of the query's meaningful words, not excluded ones."""
    parsed = parse(query)
    words = [w for unit in parsed.units for term in unit for w in term.words]
    return {s for w in analysis.content_words(" ".join(words)) for s in analysis.word_stems(w)}


@functools.lru_cache(maxsize=1000)
def _marker(stems):
    """An expression finding, in lower-cased text, each whole word that starts with a stem."""
    if not stems:
        return None
    starts = "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{starts})\w*")


def _marked(text, stems):
    """(start, end) of each word of the text whose stem is one of `stems`."""
    marker = _marker(frozenset(stems))
    if marker is None:
        return
    lowered = text.lower()
    # A letter whose lower case is longer would shift the positions: then every word is tried.
    words = marker.finditer(lowered) if len(lowered) == len(text) else _WORD.finditer(text)
    for match in words:
        word = text[match.start() : match.end()]
        if word[:1].isalnum() and analysis.stem(word) in stems:
            yield match.span()


def highlight(text, query, stems=None):
    """The text, escaped, with each word whose stem is one of the query's wrapped in <mark>."""
    stems = query_stems(query) if stems is None else stems
    pieces, done = [], 0
    for start, end in _marked(text, stems):
        pieces += [html.escape(text[done:start]), f"<mark>{text[start:end]}</mark>"]
        done = end
    pieces.append(html.escape(text[done:]))
    return mark_safe("".join(pieces))


def snippet(text, query, length=SNIPPET_WORDS, stems=None):
    """About `length` words of the text around its first match, highlighted, with an ellipsis
    where text was left out; the start of the text when nothing matches."""
    stems = query_stems(query) if stems is None else stems
    spaced = " ".join(text.split())
    words = spaced.split(" ")
    found = next(_marked(spaced, stems), None)
    first = spaced.count(" ", 0, found[0]) if found else 0
    start = max(0, min(first - length // 3, len(words) - length))
    chosen = " ".join(words[start : start + length])
    before = "… " if start else ""
    after = " …" if start + length < len(words) else ""
    return mark_safe(f"{before}{highlight(chosen, query, stems)}{after}")
