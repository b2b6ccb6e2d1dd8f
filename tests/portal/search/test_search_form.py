"""The search form as the page renders it: what was asked stays chosen, and an error is linked
from the summary to its field."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def form_html(client, **params):
    html = client.get(reverse("search"), params).content.decode()
    start = html.index('<form method="get" action="/soeg/"')
    return html[start : html.index("</form>", start)]


def test_the_form_keeps_the_words_and_the_choices(client):
    html = form_html(client, q='tilsyn "med" <b>', periode="aar", sort="nyeste")

    assert 'value="tilsyn &quot;med&quot; &lt;b&gt;"' in html
    assert 'role="combobox"' in html and 'aria-describedby="id_q_helptext"' in html
    assert '<option value="aar" selected>' in html
    assert '<option value="nyeste" selected>' in html
    assert '<option value="" selected>Alle emner</option>' in html


def test_a_wrong_choice_is_summarised_and_linked_to_its_field(client):
    html = form_html(client, q="tilsyn", periode="evigt")

    assert '<a href="#id_periode">Dato:' in html
    assert 'id="id_periode" aria-invalid="true" aria-describedby="id_periode_error_1"' in html
    assert 'id="id_periode_error_1"' in html
    assert " selected>" not in html.split('id="id_periode"')[1].split("</select>")[0]


def test_the_kept_form_shows_each_querys_own_words(client):
    form_html(client, q="kvartsur", periode="aar")

    html = form_html(client, q='<b>"regnskab"', periode="aar")
    empty = form_html(client, periode="aar")

    assert 'value="&lt;b&gt;&quot;regnskab&quot;"' in html and "kvartsur" not in html
    assert '<option value="aar" selected>' in html
    assert '<input type="search" name="q" role="combobox"' in empty
