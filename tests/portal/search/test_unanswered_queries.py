"""Queries that found nothing or little are counted per day, without who searched, kept 90 days,
and shown to editors in the admin so they can add a synonym or a recommended result."""

import csv
import datetime
import io

import pytest
from django.test import Client
from django.utils import timezone

from portal.search import unanswered
from portal.search.models import SearchSynonym, UnansweredQuery

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/soegninger-uden-svar/"


def test_a_query_without_results_is_counted_per_day(client, make_guidance_page):
    for number in range(unanswered.FEW_RESULTS + 1):
        make_guidance_page(f"Udlejning {number}", text="Anvisning og udlejning.")

    for _ in range(2):
        client.get("/soeg/", {"q": "Solcelleanlæg  tag"})
    client.get("/soeg/", {"q": "anvisning udlejning"})

    (entry,) = UnansweredQuery.objects.all()
    assert (entry.day, entry.query, entry.searches, entry.results) == (
        timezone.localdate(),
        "solcelleanlæg tag",
        2,
        0,
    )
    assert {f.name for f in UnansweredQuery._meta.get_fields()} == {
        "id",
        "day",
        "query",
        "searches",
        "results",
    }


def test_a_query_with_enough_results_is_not_counted():
    unanswered.record("tilsyn", unanswered.FEW_RESULTS + 1)
    unanswered.record("tilsyn", unanswered.FEW_RESULTS)

    assert UnansweredQuery.objects.get().searches == 1


def test_entries_older_than_90_days_are_pruned_by_the_first_query_of_a_day():
    today = timezone.localdate()
    old = UnansweredQuery.objects.create(
        day=today - datetime.timedelta(days=unanswered.KEEP_DAYS + 1), query="gammel"
    )
    kept = UnansweredQuery.objects.create(
        day=today - datetime.timedelta(days=unanswered.KEEP_DAYS), query="nyere"
    )

    unanswered.record("ny søgning", 0)

    assert set(UnansweredQuery.objects.values_list("query", flat=True)) == {
        "nyere",
        "ny søgning",
    }
    assert not UnansweredQuery.objects.filter(pk=old.pk).exists()
    assert UnansweredQuery.objects.filter(pk=kept.pk).exists()


def test_editors_read_the_report_summed_over_the_days(editor, login):
    today = timezone.localdate()
    UnansweredQuery.objects.create(day=today, query="lejetab", searches=3, results=0)
    UnansweredQuery.objects.create(
        day=today - datetime.timedelta(days=1), query="lejetab", searches=2, results=1
    )
    UnansweredQuery.objects.create(day=today, query="ppv", searches=1, results=0)
    client = Client()
    login(client, editor)

    response = client.get(REPORT_URL)

    assert response.status_code == 200
    rows = list(response.context["object_list"])
    assert [(r["query"], r["searches"], r["days"]) for r in rows] == [
        ("lejetab", 5, 2),
        ("ppv", 1, 1),
    ]
    assert "Søgninger uden svar" in response.content.decode()


@pytest.mark.parametrize("who", ["member", "caseworker_kk"])
def test_others_cannot_read_the_report(client, request, login, who):
    UnansweredQuery.objects.create(day=timezone.localdate(), query="hemmelig", searches=1)
    login(client, request.getfixturevalue(who))

    response = client.get(REPORT_URL)

    assert response.status_code in (302, 403)
    assert b"hemmelig" not in response.content


def test_editors_add_a_synonym_in_the_admin_and_search_uses_it(editor, login, make_guidance_page):
    make_guidance_page("Landsbyggefonden", text="Fonden støtter renoveringer.")
    client = Client()
    login(client, editor)

    response = client.post(
        "/admin/snippets/portal_search/searchsynonym/add/",
        {"terms": "LBF2", "alternatives": "Landsbyggefonden", "both_ways": "on"},
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    titles = [p.title for p in Client().get("/soeg/", {"q": "lbf2"}).context["results_page"]]
    assert titles == ["Landsbyggefonden"]
    assert SearchSynonym.objects.get(terms="LBF2").revisions.count() == 1


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_export_keeps_a_formula_in_a_query_as_text(editor, login, export):
    """Anyone's query lands in the report; today only its words are kept, but the export must
    not depend on that."""
    from openpyxl import load_workbook

    UnansweredQuery.objects.create(day=timezone.localdate(), query="=2+5+cmd|' /C calc'!A0")
    client = Client()
    login(client, editor)

    response = client.get(REPORT_URL, {"export": export})

    content = b"".join(response.streaming_content)
    if export == "csv":
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    else:
        rows = list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
    assert rows[1][0] == "'=2+5+cmd|' /C calc'!A0"
