"""The home page shows guidance's latest news through the hook guidance registers, so the portal's
home page template loads nothing of guidance's."""

import datetime

import pytest

pytestmark = pytest.mark.django_db


def test_home_page_lists_the_four_latest_public_news_newest_first(
    client, make_news_page, make_private
):
    for day in range(1, 6):
        make_news_page(f"Nyhed {day}", date=datetime.date(2026, 1, day))
    make_news_page("Kladde", live=False, date=datetime.date(2026, 2, 1))
    make_private(make_news_page("Intern", date=datetime.date(2026, 2, 2)))

    html = client.get("/").content.decode()

    assert "Seneste nyheder" in html
    shown = [title for title in ("Nyhed 5", "Nyhed 4", "Nyhed 3", "Nyhed 2") if title in html]
    assert shown == ["Nyhed 5", "Nyhed 4", "Nyhed 3", "Nyhed 2"]
    assert html.index("Nyhed 5") < html.index("Nyhed 2")
    for hidden in ("Nyhed 1", "Kladde", "Intern"):
        assert hidden not in html
    assert 'href="/nyheder/nyhed-5/"' in html


def test_home_page_without_news_has_no_news_section(client, home):
    assert "Seneste nyheder" not in client.get("/").content.decode()
