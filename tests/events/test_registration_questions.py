"""Questions an editor sets on an event: asked on the registration form, validated, and stored
with the registration together with the question's text."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from events.models import QuestionKind
from guidance.models import EventQuestion, EventRegistration
from portal import roles

pytestmark = [pytest.mark.django_db, pytest.mark.page_tree_once("event_index")]


@pytest.fixture
def conference(make_event):
    event = make_event(capacity=1)
    EventQuestion.objects.create(
        event=event,
        sort_order=0,
        label="Deltager du fysisk eller online?",
        kind=QuestionKind.ONE_CHOICE,
        choices="Fysisk\nOnline",
        required=True,
    )
    EventQuestion.objects.create(
        event=event,
        sort_order=1,
        label="Kost",
        kind=QuestionKind.SEVERAL_CHOICES,
        choices="Vegetar\nGlutenfri\nLaktosefri",
    )
    EventQuestion.objects.create(event=event, sort_order=2, label="Behov for tilgængelighed")
    return event


def fields(event, *answers):
    """POST data answering the event's questions in order."""
    data = {}
    for question, answer in zip(event.questions.all(), answers, strict=True):
        data[f"spoergsmaal_{question.pk}"] = answer
    return data


def test_the_event_page_asks_the_questions(client, conference, make_user, login):
    login(client, make_user(roles.MEMBER))

    content = client.get(conference.url).content.decode()

    assert "Deltager du fysisk eller online?" in content
    assert 'type="radio"' in content and 'value="Online"' in content
    assert 'type="checkbox"' in content and 'value="Glutenfri"' in content
    assert "Behov for tilgængelighed" in content


def test_answers_are_stored_with_the_question_text(client, conference, make_user, login):
    user = make_user(roles.MEMBER)
    login(client, user)

    response = client.post(
        f"/arrangementer/{conference.pk}/tilmeld/",
        fields(conference, "Online", ["Vegetar", "Glutenfri"], "Kørestol"),
    )

    assert response.status_code == 302
    registration = EventRegistration.objects.get(user=user)
    assert registration.answers == [
        {"question": "Deltager du fysisk eller online?", "answer": "Online"},
        {"question": "Kost", "answer": ["Vegetar", "Glutenfri"]},
        {"question": "Behov for tilgængelighed", "answer": "Kørestol"},
    ]
    conference.questions.filter(label="Kost").update(label="Kosthensyn")
    registration.refresh_from_db()
    assert registration.answers[1]["question"] == "Kost"


def test_a_missing_required_answer_shows_the_form_again_and_registers_nobody(
    client, conference, make_user, login
):
    user = make_user(roles.MEMBER)
    login(client, user)

    response = client.post(
        f"/arrangementer/{conference.pk}/tilmeld/", fields(conference, "", [], "")
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "Tilmelding: Tilsynskonferencen 2027" in content
    assert "Dette felt er påkrævet." in content
    assert not EventRegistration.objects.filter(user=user).exists()


def test_an_answer_outside_the_choices_is_refused(client, conference, make_user, login):
    user = make_user(roles.MEMBER)
    login(client, user)

    response = client.post(
        f"/arrangementer/{conference.pk}/tilmeld/", fields(conference, "Hybrid", [], "")
    )

    assert response.status_code == 200
    assert not EventRegistration.objects.filter(user=user).exists()


def test_an_event_without_questions_registers_on_one_click(client, make_event, make_user, login):
    event = make_event(capacity=3)
    user = make_user(roles.MEMBER)
    login(client, user)

    client.post(f"/arrangementer/{event.pk}/tilmeld/")

    assert EventRegistration.objects.get(user=user).answers == []


@pytest.mark.parametrize("kind", [QuestionKind.ONE_CHOICE, QuestionKind.SEVERAL_CHOICES])
def test_a_choice_question_needs_at_least_two_choices(make_event, kind):
    question = EventQuestion(event=make_event(), label="Kost", kind=kind, choices="Vegetar\n \n")

    with pytest.raises(ValidationError) as error:
        question.clean()

    assert "choices" in error.value.message_dict


def test_a_text_question_needs_no_choices(make_event):
    EventQuestion(event=make_event(), label="Bemærkninger", kind=QuestionKind.TEXT).clean()


def test_the_confirmation_email_repeats_the_answers(
    client, conference, make_user, login, django_capture_on_commit_callbacks
):
    login(client, make_user(roles.MEMBER))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/arrangementer/{conference.pk}/tilmeld/",
            fields(conference, "Online", ["Vegetar", "Glutenfri"], ""),
        )

    (message,) = mail.outbox
    assert (
        "Dine svar:\n"
        "- Deltager du fysisk eller online?: Online\n"
        "- Kost: Vegetar; Glutenfri\n"
        "- Behov for tilgængelighed: ikke besvaret\n"
    ) in message.body
