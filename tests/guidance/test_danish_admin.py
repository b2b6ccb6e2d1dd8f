"""The admin in Danish for every editor: Wagtail's gaps filled by locale/da, the review fields
on the first tab, ASCII slugs with æ, ø and å written out, no Gravatar."""

import re

import pytest
from django.conf import settings
from django.utils import translation

from portal import roles
from portal.slugs import danish_slugify

pytestmark = pytest.mark.django_db

# Strings editors met in English on the screens of a page's life (issue 15).
ENGLISH_SEEN = ["Page title", "Reports", "Help", "Request changes", "Approve with comment"]


@pytest.fixture
def signed_in_editor(client, login, make_user):
    login(client, make_user(roles.EDITOR, mfa=True))
    client.cookies["django_language"] = "en"  # read the public site in English
    return client


def visible_text(response):
    html = re.sub(r"<(script|style|template)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_admin_is_danish_even_for_a_reader_of_the_english_site(signed_in_editor):
    response = signed_in_editor.get("/admin/")
    page = visible_text(response)

    assert '<html lang="da"' in response.content.decode()
    assert "Oversigt" in page and "Dashboard" not in page


def test_wagtails_missing_danish_is_completed():
    with translation.override("da"):
        translated = [translation.gettext(text) for text in ENGLISH_SEEN]

    assert translated == [
        "Sidens titel",
        "Rapporter",
        "Hjælp",
        "Bed om ændringer",
        "Godkend med kommentar",
    ]


def test_review_fields_are_on_the_first_tab(signed_in_editor, guidance_index):
    html = signed_in_editor.get(
        f"/admin/pages/add/guidance/guidancepage/{guidance_index.pk}/"
    ).content.decode()
    # The first tab comes first in the page; the slug is on the second ("Promover").
    first_tab = html[: html.index('name="slug"')]

    assert 'name="last_reviewed"' in first_tab and 'name="content_owner"' in first_tab
    assert "Sidens titel" in html


def test_slugs_write_the_danish_letters_out(signed_in_editor, guidance_index):
    html = signed_in_editor.get(
        f"/admin/pages/add/guidance/guidancepage/{guidance_index.pk}/"
    ).content.decode()

    assert "data-w-slug-allow-unicode-value" not in html  # False: the attribute is left out
    assert "data-w-slug-formatters-value" in html and "&quot;oe&quot;" in html
    assert danish_slugify("Opfølgning på årsregnskabet") == "opfoelgning-paa-aarsregnskabet"


def test_no_gravatar():
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    assert settings.WAGTAILADMIN_PERMITTED_LANGUAGES == [("da", "Dansk")]
