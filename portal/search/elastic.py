"""Elasticsearch with the analysis the database backends get from `portal.search.analysis`.

Text is indexed through a Danish analyser that splits compounds against the domain word list
(dictionary decompounder), drops Danish stop words and stems; queries go through the same
analyser with the editors' synonyms added. Index settings and mappings are built with
`elasticsearch.dsl`. Synonyms are read when an index is created (`manage.py search_reindex`
builds a new index and moves the alias to it); the query pipeline applies them at once anyway.
"""

import copy

from elasticsearch import dsl
from modelsearch.backends.elasticsearch8 import (
    Elasticsearch8AutocompleteQueryCompiler,
    Elasticsearch8Index,
    Elasticsearch8Mapping,
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchQueryCompiler,
)
from modelsearch.utils import deep_update

from portal.search import analysis

INDEX_ANALYZER = "danish_index"
SEARCH_ANALYZER = "danish_search"


def synonym_rules():
    """The editors' synonyms in Solr format: "a, b" both ways, "a => a, b" one way."""
    from portal.search.models import SearchSynonym

    rules = []
    for synonym in SearchSynonym.objects.all():
        terms = [t.lower() for t in synonym.term_list()]
        alternatives = [a.lower() for a in synonym.alternative_list()]
        if synonym.both_ways:
            rules.append(", ".join(dict.fromkeys(terms + alternatives)))
        else:
            rules.append(f"{', '.join(terms)} => {', '.join(dict.fromkeys(terms + alternatives))}")
    return rules


def analysers(rules):
    """The index-time and the search-time analyser."""
    decompounder = dsl.token_filter(
        "domain_decompounder",
        type="dictionary_decompounder",
        word_list=list(analysis.domain_words()),
        only_longest_match=True,
        min_subword_size=3,
    )
    stop = dsl.token_filter("danish_stop", type="stop", stopwords="_danish_")
    stemmer = dsl.token_filter("danish_stemmer", type="stemmer", language="danish")
    synonyms = dsl.token_filter(
        "editors_synonyms", type="synonym_graph", synonyms=rules, lenient=True
    )
    index = dsl.analyzer(
        INDEX_ANALYZER, tokenizer="standard", filter=["lowercase", decompounder, stop, stemmer]
    )
    search = dsl.analyzer(
        SEARCH_ANALYZER,
        tokenizer="standard",
        filter=["lowercase", synonyms, decompounder, stop, stemmer],
    )
    return index, search


def index_body(base_settings, rules):
    """The body that creates an index: Wagtail's own analysis (autocomplete) and ours."""
    index = dsl.Index("portal")
    for analyser in analysers(rules):
        index.analyzer(analyser)
    return deep_update(copy.deepcopy(base_settings), index.to_dict())


def _dsl_field(spec):
    spec = dict(spec)
    kind = spec.pop("type")
    if kind == "nested":
        properties = {name: _dsl_field(sub) for name, sub in spec.pop("properties").items()}
        return dsl.Nested(properties=properties, **spec)
    if kind == "text" and "analyzer" not in spec:
        spec.update(analyzer=INDEX_ANALYZER, search_analyzer=SEARCH_ANALYZER)
    return dsl.Field.get_dsl_class(kind)(**spec)


class DanishMapping(Elasticsearch8Mapping):
    """Wagtail's fields (names and copy_to as its queries expect), as an `elasticsearch.dsl`
    mapping whose text fields use the Danish analysers."""

    def get_mapping(self):
        mapping = dsl.Mapping()
        for name, spec in super().get_mapping()["properties"].items():
            mapping.field(name, _dsl_field(spec))
        return mapping.to_dict()


class DanishIndex(Elasticsearch8Index):
    def put(self):
        self.es.indices.create(
            index=self.name, **index_body(self.backend.settings, synonym_rules())
        )


class DanishQueryCompiler(Elasticsearch8SearchQueryCompiler):
    mapping_class = DanishMapping


class DanishAutocompleteQueryCompiler(Elasticsearch8AutocompleteQueryCompiler):
    mapping_class = DanishMapping


class DanishSearchBackend(Elasticsearch8SearchBackend):
    mapping_class = DanishMapping
    index_class = DanishIndex
    query_compiler_class = DanishQueryCompiler
    autocomplete_query_compiler_class = DanishAutocompleteQueryCompiler


SearchBackend = DanishSearchBackend
