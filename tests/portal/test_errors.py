"""Error pages in Danish without internals, and forms that keep what the reader typed."""

import pytest
from django.test import override_settings
from django.urls import include, path

from portal import urls as portal_urls


def broken_view(request):
    raise RuntimeError("hemmelig intern detalje")


# This module is also the URLconf of the 500 tests: the portal plus one view that fails.
urlpatterns = [path("test/fejl/", broken_view), path("", include(portal_urls))]

pytestmark = [pytest.mark.django_db, pytest.mark.page_tree_once("guidance_index")]


@pytest.mark.parametrize("url", ["/findes-ikke/", "/vejledning/findes-ikke/"])
def test_unknown_address_gives_a_danish_404_page(client, guidance_index, url):
    response = client.get(url)

    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="da">' in html
    assert "<h1>Siden findes ikke</h1>" in html
    assert 'href="/soeg/"' in html


def test_unknown_topic_gives_404(client, guidance_index):
    assert client.get("/vejledning/emne/findes-ikke/").status_code == 404


def test_404_page_works_without_any_site(client, db):
    """A fresh database, or a request for an unknown host, must not turn a 404 into a 500."""
    from wagtail.models import Site

    Site.objects.all().delete()

    response = client.get("/findes-ikke/")

    assert response.status_code == 404
    assert "Siden findes ikke" in response.content.decode()


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_failing_view_gives_a_500_page_without_internals(client, home):
    client.raise_request_exception = False

    response = client.get("/test/fejl/")

    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="da">' in html
    assert "Der opstod en fejl" in html
    assert "Traceback" not in html
    assert "RuntimeError" not in html
    assert "hemmelig intern detalje" not in html


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_test_urlconf_still_serves_the_portal(client, home):
    """Guards the test above: the 500 comes from the broken view, not from a broken URLconf."""
    assert client.get("/").status_code == 200


@pytest.mark.parametrize(
    "bad, message",
    [
        ({"topic": "findes-ikke"}, 'aria-invalid="true"'),
        # The tab is a hidden field: the error summary names the problem instead.
        ({"type": "ukendt"}, "Der er ingen fane, der hedder «ukendt»."),
    ],
)
def test_search_with_a_bad_value_keeps_what_the_reader_typed(client, guidance_index, bad, message):
    response = client.get("/soeg/", {"q": "styringsdialog <årshjul>", **bad})

    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["form"].errors
    assert 'value="styringsdialog &lt;årshjul&gt;"' in html
    assert "Der er problemer med det, du har udfyldt" in html
    assert message in html


def test_overlong_search_keeps_what_the_reader_typed(client, guidance_index):
    query = "tilsyn " * 40

    response = client.get("/soeg/", {"q": query})

    html = response.content.decode()
    assert f'value="{query}"' in html
    assert 'aria-invalid="true"' in html
