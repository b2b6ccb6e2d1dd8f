"""A result's snippet text is stored when its page is indexed, so a search converts no body."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from portal.search.models import PageText
from portal.search.sources import page_hits

pytestmark = pytest.mark.django_db


def stored_text(page):
    return PageText.objects.get(page_id=page.pk).text


def test_a_pages_text_is_stored_when_published_and_again_when_edited(make_guidance_page):
    page = make_guidance_page("Udlejning", text="Anvisning og venteliste.", summary="Kort.")
    assert stored_text(page) == "Kort. Anvisning og venteliste."

    page.body = [("paragraph", "<p>Kombineret udlejning.</p>")]
    page.save_revision().publish()

    assert stored_text(page) == "Kort. Kombineret udlejning."


def test_a_hit_is_made_from_the_stored_text(make_guidance_page):
    page = make_guidance_page("Udlejning", text="Anvisning.")
    PageText.objects.filter(page_id=page.pk).update(text="Den gemte tekst.")
    found = [Page.objects.get(pk=page.pk)]

    with CaptureQueriesContext(connection) as captured:
        hit = page_hits(found, None)[page.pk]

    assert not [q for q in captured.captured_queries if "guidance_guidancepage" in q["sql"]]
    assert (hit.title, hit.text, hit.kind) == ("Udlejning", "Den gemte tekst.", "vejledning")
    assert hit.url == page.url


def test_a_page_indexed_before_texts_were_stored_has_its_text_worked_out(make_guidance_page):
    page = make_guidance_page("Udlejning", text="Anvisning.")
    PageText.objects.all().delete()

    assert page_hits([page], None)[page.pk].text == "Anvisning."


def callout(variant, heading, text):
    return ("callout", {"variant": variant, "heading": heading, "text": f"<p>{text}</p>"})


def test_a_callout_is_indexed_as_the_reader_sees_it(make_guidance_page, client):
    page = make_guidance_page(
        "Vangstiens venteliste",
        body=[
            callout("success", "God praksis", "Aftal en tidsplan."),
            callout("warning", "Fusion", "Husk vedtægterne."),
            callout("info", "", "Fristen er 30. juni."),
        ],
    )

    assert stored_text(page) == (
        "God praksis Aftal en tidsplan. Fusion Husk vedtægterne. Information Fristen er 30. juni."
    )
    assert "Vangstiens venteliste" not in client.get("/soeg/", {"q": "opmærksom"}).content.decode()
    assert "Vangstiens venteliste" in client.get("/soeg/", {"q": "fusion"}).content.decode()
