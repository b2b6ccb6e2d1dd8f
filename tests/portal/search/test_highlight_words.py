"""Highlighting marks exactly the whole words whose Danish stem is one of the query's, whatever
the text holds (portal/search/highlight.py finds them with one expression per query)."""

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from portal.search import analysis
from portal.search.highlight import highlight, query_stems, snippet

TEXT = st.text(alphabet="abdeginorstuyæøåABTÆØÅİ <>&'\"._-\n", max_size=120)
QUERY = st.sampled_from(["tilsyn", "regnskab budget", "øst", "åbne lejligheder", "ig", "ab", ""])


def marked_word_by_word(text, stems):
    return "".join(
        f"<mark>{piece}</mark>"
        if piece[:1].isalnum() and analysis.stem(piece) in stems
        else html.escape(piece)
        for piece in re.split(r"(\w+)", text)
    )


@given(text=TEXT, query=QUERY)
def test_every_word_with_a_query_stem_is_marked_and_no_other(text, query):
    assert highlight(text, query) == marked_word_by_word(text, query_stems(query))


@given(words=st.lists(st.sampled_from(["tilsynet", "og", "også", "budget", "Øst"]), max_size=80))
def test_a_snippet_starts_near_the_first_match(words):
    text = " ".join(words)
    shown = snippet(text, "tilsyn", length=10)
    if "tilsynet" in words[10:]:
        assert "<mark>tilsynet</mark>" in shown
