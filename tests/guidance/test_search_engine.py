"""Elasticsearch: the real query and mapping are built, and an outage falls back to the database.

No Elasticsearch server runs here; where ELASTICSEARCH_URL is set the live test runs too.
"""

import os

import pytest
from django.test import override_settings
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from guidance.models import GuidancePage
from portal.settings.base import search_backends

UNREACHABLE = "http://127.0.0.1:9"  # the discard port: nothing listens there


def test_embedded_mode_uses_only_the_database_backend():
    backends = search_backends(None)
    assert list(backends) == ["default"]
    assert backends["default"]["SEARCH_CONFIG"] == "danish"


@override_settings(WAGTAILSEARCH_BACKENDS=search_backends(UNREACHABLE))
def test_elasticsearch_index_uses_the_danish_analyser_and_maps_guidance_fields():
    backend = get_search_backend("default")
    assert backend.settings["settings"]["analysis"]["analyzer"]["default"]["type"] == "danish"
    mapping = backend.mapping_class(GuidancePage).get_mapping()
    properties = str(mapping)
    assert "body" in properties and "summary" in properties


@pytest.mark.django_db
@override_settings(WAGTAILSEARCH_BACKENDS=search_backends(UNREACHABLE))
def test_elasticsearch_query_searches_live_pages_for_every_word():
    backend = get_search_backend("default")
    results = backend.search("tilsynet boligorganisation", Page.objects.live(), operator="and")
    query = results.query_compiler.get_query()
    assert "tilsynet boligorganisation" in str(query)
    assert "'operator': 'and'" in str(query)


@pytest.mark.django_db
def test_search_engine_outage_falls_back_to_database_search(client, make_guidance_page):
    with override_settings(WAGTAILSEARCH_BACKENDS=search_backends(UNREACHABLE)):
        # Publishing must not fail while Elasticsearch is down; the database index is kept.
        make_guidance_page("Tilsyn med boligorganisationer", text="Handlepligt og påbud.")
        response = client.get("/soeg/", {"q": "handlepligt"})
    assert response.status_code == 200
    assert "Tilsyn med boligorganisationer" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="needs an Elasticsearch server")
def test_live_elasticsearch_finds_inflected_danish_words(client, make_guidance_page):
    with override_settings(WAGTAILSEARCH_BACKENDS=search_backends(os.environ["ELASTICSEARCH_URL"])):
        make_guidance_page("Kommunens tilsyn", text="Tilsyn med boligorganisation")
        get_search_backend("default").refresh_index()
        response = client.get("/soeg/", {"q": "tilsynet boligorganisationerne"})
    assert "Kommunens tilsyn" in response.content.decode()
