"""An editor sets an event's registration questions on the event page in the Wagtail admin."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from guidance.models import EventPage

pytestmark = pytest.mark.django_db


def event_form(*questions):
    return nested_form_data(
        {
            "title": "Temadag om beboerdemokrati",
            "slug": "temadag-om-beboerdemokrati",
            "summary": "En dag om beboerdemokrati.",
            "start": "2027-03-01 10:00",
            "end": "2027-03-01 15:00",
            "venue_name": "Bolig- og Planstyrelsen",
            "capacity": "40",
            "body": streamfield([]),
            "sessions": inline_formset([]),
            "questions": inline_formset(list(questions)),
        }
    )


QUESTION = {"label": "Kost", "kind": "several_choices", "help_text": "", "required": ""}


def test_an_editor_adds_questions_to_an_event(client, login, editor, event_index):
    login(client, editor)

    response = client.post(
        f"/admin/pages/add/guidance/eventpage/{event_index.pk}/",
        event_form({**QUESTION, "choices": "Vegetar\nHalal"}),
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    page = EventPage.objects.get(slug="temadag-om-beboerdemokrati").get_latest_revision_as_object()
    (question,) = page.questions.all()
    assert (question.label, question.choice_list) == ("Kost", ["Vegetar", "Halal"])


def test_a_choice_question_without_choices_is_refused_in_the_admin(
    client, login, editor, event_index
):
    login(client, editor)

    response = client.post(
        f"/admin/pages/add/guidance/eventpage/{event_index.pk}/",
        event_form({**QUESTION, "choices": ""}),
    )

    assert response.status_code == 200
    assert "Skriv mindst to svarmuligheder" in response.content.decode()
    assert not EventPage.objects.filter(slug="temadag-om-beboerdemokrati").exists()
