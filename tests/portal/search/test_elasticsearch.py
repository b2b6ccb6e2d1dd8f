"""Elasticsearch: the index body, the mapping, the query and the alias swap, as the real client
sends them to a recording HTTP server on 127.0.0.1; an outage falls back to the database.

No Elasticsearch server runs here; where ELASTICSEARCH_URL is set the live test runs too.
"""

import io
import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from portal.search.elastic import INDEX_ANALYZER, SEARCH_ANALYZER
from portal.search.models import SearchSynonym
from portal.search.query import search
from portal.settings.base import search_backends

UNREACHABLE = "http://127.0.0.1:9"  # the discard port: nothing listens there
PAGE_ALIAS = "tilsynsportalen_wagtailcore_page"


class RecordingElasticsearch(ThreadingHTTPServer):
    """Answers like Elasticsearch 8 and keeps every request: (method, path, JSON body or None).

    `aliases` maps an alias to the index it points to, as _alias requests report it.
    """

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests = []
        self.aliases = {}

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"

    def bodies(self, method, path_part):
        return [b for m, p, b in self.requests if m == method and path_part in p]


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        body = None
        if raw:
            lines = raw.decode().strip().splitlines()
            body = [json.loads(line) for line in lines] if "_bulk" in self.path else json.loads(raw)
        self.server.requests.append((self.command, self.path, body))
        status, answer = self._response()
        payload = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    def _response(self):
        path = self.path.split("?")[0]
        if path.startswith("/_alias/"):
            name = path.removeprefix("/_alias/")
            if name not in self.server.aliases:
                return 404, {"error": "alias missing", "status": 404}
            return 200, {self.server.aliases[name]: {"aliases": {name: {}}}}
        if path.endswith("/_search"):
            return 200, {"hits": {"total": {"value": 0, "relation": "eq"}, "hits": []}}
        if path.endswith("/_count"):
            return 200, {"count": 0}
        if "_bulk" in path:
            return 200, {"errors": False, "items": []}
        return 200, {"acknowledged": True, "result": "created"}

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _answer


@pytest.fixture
def elasticsearch():
    server = RecordingElasticsearch()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    with override_settings(WAGTAILSEARCH_BACKENDS=search_backends(server.url)):
        yield server
    server.shutdown()
    server.server_close()


def test_embedded_mode_uses_only_the_database_backend():
    backends = search_backends(None)
    assert list(backends) == ["default"]
    assert backends["default"]["SEARCH_CONFIG"] == "danish"


@pytest.mark.django_db
def test_reindex_builds_a_new_index_and_moves_the_alias_from_the_old_one(
    elasticsearch, make_guidance_page
):
    make_guidance_page("Dispositionsfonden", text="Bidrag til dispositionsfonden.")
    elasticsearch.aliases[PAGE_ALIAS] = f"{PAGE_ALIAS}_old"

    call_command("search_reindex", stdout=io.StringIO())

    created = [
        p.strip("/") for m, p, b in elasticsearch.requests if m == "PUT" and "settings" in (b or {})
    ]
    new_index = next(name for name in created if name.startswith(f"{PAGE_ALIAS}_"))
    assert new_index != f"{PAGE_ALIAS}_old"
    documents = [d for b in elasticsearch.bodies("PUT", "_bulk") for d in b]
    documents += [d for b in elasticsearch.bodies("POST", "_bulk") for d in b]
    assert any(d.get("title") == "Dispositionsfonden" for d in documents)
    moves = [p for m, p, _b in elasticsearch.requests if m == "PUT" and "/_alias" in p]
    assert f"/{new_index}/_alias/{PAGE_ALIAS}" in moves
    deleted = [p.strip("/") for m, p, _b in elasticsearch.requests if m == "DELETE"]
    assert f"{PAGE_ALIAS}_old" in deleted
    assert new_index not in deleted


@pytest.mark.django_db
def test_new_index_analyses_danish_with_compounds_and_the_editors_synonyms(elasticsearch):
    SearchSynonym.objects.create(terms="LBF", alternatives="Landsbyggefonden", both_ways=True)
    SearchSynonym.objects.create(terms="boligselskab", alternatives="boligorganisation")

    get_search_backend().get_index_for_model(Page).put()

    (body,) = [b for m, _p, b in elasticsearch.requests if m == "PUT" and b and "settings" in b]
    analysis = body["settings"]["analysis"]
    assert analysis["filter"]["danish_stemmer"] == {"type": "stemmer", "language": "danish"}
    decompounder = analysis["filter"]["domain_decompounder"]
    assert decompounder["type"] == "dictionary_decompounder"
    assert {"dispositionsfond", "bidrag"} <= set(decompounder["word_list"])
    synonyms = analysis["filter"]["editors_synonyms"]["synonyms"]
    assert "lbf, landsbyggefonden" in synonyms
    assert "boligselskab => boligselskab, boligorganisation" in synonyms
    assert "editors_synonyms" in analysis["analyzer"][SEARCH_ANALYZER]["filter"]
    assert "editors_synonyms" not in analysis["analyzer"][INDEX_ANALYZER]["filter"]
    # Wagtail's own analysers (autocomplete) are kept.
    assert "edgengram_analyzer" in analysis["analyzer"]


@pytest.mark.django_db
def test_guidance_text_fields_are_mapped_with_the_danish_analysers(elasticsearch):
    from guidance.models import GuidancePage

    mapping = get_search_backend().mapping_class(GuidancePage).get_mapping()
    properties = mapping["properties"]
    body = next(spec for name, spec in properties.items() if name.endswith("body"))
    assert body["type"] == "text"
    assert body["analyzer"] == INDEX_ANALYZER
    assert body["search_analyzer"] == SEARCH_ANALYZER
    assert properties["_all_text"]["analyzer"] == INDEX_ANALYZER
    topics = next(spec for name, spec in properties.items() if name.endswith("topics"))
    assert topics["type"] == "nested"


@pytest.mark.django_db
def test_search_sends_every_word_by_stem_and_compound_parts_and_excludes(elasticsearch):
    search(Page.objects.live(), "dispositionsfondsbidrag -nyheder")

    # The first request is the strict query (the recorder finds nothing, so relaxed ones follow).
    sent = json.dumps(elasticsearch.bodies("POST", "/_search")[0], ensure_ascii=False)
    assert "dispositionsfondsbidrag" in sent
    assert '"dispositionsfond"' in sent and '"bidrag"' in sent
    assert "must_not" in sent and "nyhed" in sent


@pytest.mark.django_db
def test_search_engine_outage_falls_back_to_database_search(make_guidance_page, caplog):
    with override_settings(WAGTAILSEARCH_BACKENDS=search_backends(UNREACHABLE)):
        # Publishing must not fail while Elasticsearch is down; the database index is kept.
        make_guidance_page("Tilsyn med boligorganisationer", text="Handlepligt og påbud.")
        outcome = search(Page.objects.live(), "handlepligt")
    assert [page.title for page in outcome.results] == ["Tilsyn med boligorganisationer"]
    assert "Search engine unavailable" in caplog.text


@pytest.mark.django_db
@pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="needs an Elasticsearch server")
def test_live_elasticsearch_finds_inflected_and_compound_danish_words(make_guidance_page):
    with override_settings(WAGTAILSEARCH_BACKENDS=search_backends(os.environ["ELASTICSEARCH_URL"])):
        make_guidance_page("Kommunens tilsyn", text="Dispositionsfondsbidrag og boligorganisation")
        call_command("search_reindex", stdout=io.StringIO())
        get_search_backend().refresh_index()
        found = search(Page.objects.live(), "bidraget til dispositionsfonden")
    assert [page.title for page in found.results] == ["Kommunens tilsyn"]
