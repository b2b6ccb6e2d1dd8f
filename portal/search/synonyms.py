"""The editors' synonyms and recommended results, read once per search generation."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from portal.search import analysis
from portal.search.generation import bump_search_generation, search_generation
from portal.search.models import PromotedResult, SearchSynonym

_memo = {}


def key(phrase):
    """A phrase as synonyms are matched: the stems of its meaningful words, in order."""
    return tuple(analysis.stem(w) for w in analysis.content_words(phrase))


def synonym_map():
    """{stems of what a reader may type: [phrases to search for as well]}."""
    return _per_generation("synonyms", _load_synonyms)


def longest_synonym():
    """How many words the longest phrase of `synonym_map` has (at least 1)."""
    return _per_generation("longest", lambda: max(map(len, synonym_map()), default=1))


def promoted_page_ids():
    """{stems of a query: [page ids in the editors' order]}."""
    return _per_generation("promoted", _load_promoted)


def _per_generation(name, load):
    generation = search_generation()
    cached = _memo.get(name)
    if cached is None or cached[0] != generation:
        cached = (generation, load())
        _memo[name] = cached
    return cached[1]


def _load_synonyms():
    mapping = {}
    for synonym in SearchSynonym.objects.all():
        terms, alternatives = synonym.term_list(), synonym.alternative_list()
        pairs = [(t, alternatives) for t in terms]
        if synonym.both_ways:
            pairs += [(a, terms + [x for x in alternatives if x != a]) for a in alternatives]
        for phrase, extra in pairs:
            if key(phrase):
                mapping.setdefault(key(phrase), []).extend(extra)
    return mapping


def _load_promoted():
    mapping = {}
    for promoted in PromotedResult.objects.all():
        for query in promoted.query_list():
            if key(query):
                mapping.setdefault(key(query), []).append(promoted.page_id)
    return mapping


@receiver(post_save, sender=SearchSynonym)
@receiver(post_delete, sender=SearchSynonym)
@receiver(post_save, sender=PromotedResult)
@receiver(post_delete, sender=PromotedResult)
def _editors_changed_search(**kwargs):
    bump_search_generation()
