"""The organiser's participant list: who is coming, the waiting list and the answers, as CSV
and XLSX, with text a spreadsheet would run as a formula neutralised."""

import csv
import io

import openpyxl
import pytest
from bs4 import BeautifulSoup

from events import registration
from events.models import QuestionKind
from guidance.models import EventQuestion
from portal import roles

pytestmark = [pytest.mark.django_db, pytest.mark.page_tree_once("event_index")]


@pytest.fixture
def conference(make_event, make_user):
    event = make_event(capacity=1)
    EventQuestion.objects.create(
        event=event, label="Kost", kind=QuestionKind.SEVERAL_CHOICES, choices="Vegetar\nHalal"
    )
    first = make_user(roles.MEMBER, first_name="Anne", last_name="Holm")
    second = make_user(roles.MEMBER, first_name="Bo", last_name="Lund")
    registration.register(
        first, event, answers=[{"question": "Kost", "answer": ["Vegetar", "Halal"]}], email=False
    )
    registration.register(
        second,
        event,
        answers=[{"question": "Tidligere spørgsmål", "answer": '=HYPERLINK("x")'}],
        email=False,
    )
    gone = make_user(roles.MEMBER, first_name="Cecilie", last_name="Afmeldt")
    registration.cancel(registration.register(gone, event, email=False))
    return event


@pytest.fixture
def editor_client(client, make_user, login):
    login(client, make_user(roles.EDITOR, mfa=True))
    return client


def test_the_csv_lists_who_is_coming_with_answers_and_neutralised_formulas(
    editor_client, conference
):
    response = editor_client.get(f"/arrangementer/{conference.pk}/deltagere.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    text = response.content.decode("utf-8-sig")
    header, anne, bo = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert header[-2:] == ["Kost", "Tidligere spørgsmål"]
    assert header[:6] == [
        "Navn",
        "E-mail",
        "Stilling",
        "Arbejdsplads",
        "Status",
        "Nr. på venteliste",
    ]
    assert (anne[0], anne[4], anne[5], anne[-2]) == ("Anne Holm", "Tilmeldt", "", "Vegetar; Halal")
    assert (bo[0], bo[4], bo[5]) == ("Bo Lund", "På venteliste", "1")
    assert bo[-1] == '\'=HYPERLINK("x")'
    assert "Cecilie" not in text


def test_the_xlsx_holds_the_same_rows(editor_client, conference):
    response = editor_client.get(f"/arrangementer/{conference.pk}/deltagere.xlsx")

    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][-2:] == ["Kost", "Tidligere spørgsmål"]
    assert rows[1][0] == "Anne Holm" and rows[1][-2] == "Vegetar; Halal"
    assert rows[2][5] == 1
    assert rows[2][-1] == '\'=HYPERLINK("x")'
    assert sheet.title == "Deltagere"


def test_an_unknown_format_is_not_found(editor_client, conference):
    assert editor_client.get(f"/arrangementer/{conference.pk}/deltagere.pdf").status_code == 404


def test_the_event_page_links_the_lists_for_its_editors_only(client, conference, make_user, login):
    login(client, make_user(roles.EDITOR, mfa=True))
    assert (
        f"/arrangementer/{conference.pk}/deltagere.xlsx"
        in client.get(conference.url).content.decode()
    )

    client.logout()
    login(client, make_user(roles.MEMBER))
    assert "deltagere.xlsx" not in client.get(conference.url).content.decode()


def test_the_list_takes_the_same_queries_for_many_participants(
    editor_client, conference, make_user, django_assert_max_num_queries
):
    url = f"/arrangementer/{conference.pk}/deltagere.csv"
    with django_assert_max_num_queries(30) as few:
        editor_client.get(url)
    for _ in range(5):
        registration.register(make_user(roles.MEMBER), conference, email=False)

    with django_assert_max_num_queries(len(few)):
        editor_client.get(url)


def participant_links(html):
    return {
        link["href"] for link in BeautifulSoup(html, "html.parser").select("a[href*='/deltagere.']")
    }


def test_the_admin_offers_the_list_on_the_event_and_in_the_page_listing(
    editor_client, conference, make_event
):
    without_registration = make_event("Temadag uden tilmelding")
    lists = {f"/arrangementer/{conference.pk}/deltagere.{kind}" for kind in ("csv", "xlsx")}

    edit = editor_client.get(f"/admin/pages/{conference.pk}/edit/")
    listing = editor_client.get(f"/admin/pages/{conference.get_parent().pk}/")

    assert participant_links(edit.content) == lists
    assert lists <= participant_links(listing.content)
    assert not participant_links(
        editor_client.get(f"/admin/pages/{without_registration.pk}/edit/").content
    )
    assert "Deltagerliste (Excel)" in edit.content.decode()
    assert editor_client.get(min(lists)).status_code == 200
