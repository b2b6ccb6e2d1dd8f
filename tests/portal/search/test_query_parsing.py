"""What the reader types, understood: words, "phrases", -excluded words and OR; Danish analysis."""

import pytest

from portal.search.analysis import compound_parts, content_words, word_stems
from portal.search.query import ParsedQuery, Term, parse


def test_words_are_lower_cased_units_all_required():
    assert parse("Tilsyn Dispositionsfond") == ParsedQuery(
        units=((Term("tilsyn"),), (Term("dispositionsfond"),))
    )


def test_quoted_words_are_one_phrase():
    assert parse('"tab ved lejeledighed" fond').units == (
        (Term("tab ved lejeledighed", phrase=True),),
        (Term("fond"),),
    )


def test_minus_excludes_a_word_or_a_phrase():
    parsed = parse('regnskab -frister -"særlig driftsstøtte"')

    assert parsed.units == ((Term("regnskab"),),)
    assert parsed.excluded == (Term("frister"), Term("særlig driftsstøtte", phrase=True))


def test_or_joins_the_words_on_either_side_into_one_unit():
    assert parse("lejetab OR tomgang afdeling").units == (
        (Term("lejetab"), Term("tomgang")),
        (Term("afdeling"),),
    )
    assert parse("a | b").units == ((Term("a"), Term("b")),)


def test_lower_case_or_is_an_ordinary_word_and_a_dangling_or_is_ignored():
    assert parse("or").units == ((Term("or"),),)
    assert parse("OR tilsyn OR").units == ((Term("tilsyn"),),)


@pytest.mark.parametrize("text", ["", "   ", '"', "-", "- -", "&&", '""', "OR"])
def test_queries_without_words_parse_to_nothing(text):
    assert not parse(text)


def test_a_hyphen_inside_a_word_does_not_exclude_it():
    assert parse("e-mail").units == ((Term("e"),), (Term("mail"),))
    assert parse("e-mail").excluded == ()


def test_compounds_of_domain_words_are_split_with_linking_letters():
    assert compound_parts("dispositionsfondsbidrag") == ("dispositionsfond", "bidrag")
    assert compound_parts("revisionsprotokollen") == ("revision", "protokollen")
    assert compound_parts("tilsynsførende") == ()
    assert compound_parts("dispositionsfonden") == ()


def test_a_word_is_searched_by_its_stem_and_its_parts_stems():
    assert word_stems("dispositionsfondsbidraget") == (
        "dispositionsfondsbidrag",
        "dispositionsfond",
        "bidrag",
    )


def test_question_words_carry_no_meaning_unless_nothing_else_is_left():
    assert content_words("Hvornår skal regnskabet indsendes?") == ["regnskabet", "indsendes"]
    assert content_words("hvad og hvem") == ["hvad", "og", "hvem"]
