"""The document library and the moderation queue come in pages, at a constant query cost."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network import reporting
from network.models import Reply
from network.views import library as library_views
from network.views import moderation as moderation_views
from tests.network.test_group_documents import add

pytestmark = pytest.mark.django_db


def test_the_library_pages_and_keeps_the_chosen_folder(world, as_user, monkeypatch):
    monkeypatch.setattr(library_views, "DOCUMENTS_PER_PAGE", 2)
    group, moderator = world["open"]["group"], world["open"]["moderator"]
    for letter in "abcde":
        add(group, moderator, f"{letter}.pdf", title=f"Referat {letter}", folder="Møder")
    add(group, moderator, "r.pdf", title="Vedtægter", folder="Regler")
    client = as_user(world["open"]["member"])

    first = client.get("/netvaerk/open/dokumenter/", {"mappe": "Møder"}).content.decode()
    last = client.get("/netvaerk/open/dokumenter/", {"mappe": "Møder", "side": 3}).content.decode()

    assert "Referat a" in first and "Referat b" in first and "Referat c" not in first
    assert "Side 1 af 3" in first
    assert 'href="?mappe=M%C3%B8der&amp;side=2"' in first
    assert "Referat e" in last and "Referat d" not in last and "Vedtægter" not in last


def test_the_library_costs_the_same_queries_on_a_full_page(
    world, as_user, django_assert_max_num_queries
):
    group, moderator = world["open"]["group"], world["open"]["moderator"]
    add(group, moderator, "a.pdf", title="Første")
    client = as_user(world["open"]["member"])
    with CaptureQueriesContext(connection) as few:
        client.get("/netvaerk/open/dokumenter/")
    for number in range(library_views.DOCUMENTS_PER_PAGE + 5):
        add(group, moderator, "x.pdf", title=f"Dokument {number}", folder=f"Mappe {number % 3}")

    with django_assert_max_num_queries(len(few)):
        page = client.get("/netvaerk/open/dokumenter/").content.decode()

    assert page.count("network-documents") >= 1 and "Side 1 af 2" in page


def report_replies(world, count):
    g = world["open"]
    for number in range(count):
        reply = Reply.objects.create(
            thread=g["thread"], author=g["member"], body_markdown=f"R{number}"
        )
        reporting.report(g["removed"], reply, reason="spam")
        reporting.report(g["invited"], reply, reason="offensive")


def test_the_moderation_queue_pages_by_reported_post(world, as_user, monkeypatch):
    monkeypatch.setattr(moderation_views, "REPORTED_POSTS_PER_PAGE", 2)
    report_replies(world, 3)
    client = as_user(world["open"]["moderator"])

    first = client.get("/netvaerk/open/moderering/").content.decode()
    second = client.get("/netvaerk/open/moderering/", {"side": 2}).content.decode()

    assert "<p>R0</p>" in first and "<p>R1</p>" in first and "<p>R2</p>" not in first
    assert first.count("2 anmeldelser") == 2 and "Side 1 af 2" in first
    assert "<p>R2</p>" in second and "<p>R0</p>" not in second
    assert 'name="next" value="/netvaerk/open/moderering/?side=2"' in second


def test_the_moderation_queue_costs_the_same_queries_with_many_reports(
    world, as_user, django_assert_max_num_queries
):
    report_replies(world, 1)
    client = as_user(world["open"]["moderator"])
    with CaptureQueriesContext(connection) as few:
        client.get("/netvaerk/open/moderering/")
    report_replies(world, moderation_views.REPORTED_POSTS_PER_PAGE + 5)

    with django_assert_max_num_queries(len(few)):
        page = client.get("/netvaerk/open/moderering/").content.decode()

    assert page.count("network-report") == moderation_views.REPORTED_POSTS_PER_PAGE
