"""A meeting's registration questions: set by those who plan meetings, answered by members, and
in the organisers' participant list."""

import csv
import io

import pytest
from django.core import mail

from network.models import MeetingQuestion, MeetingRegistration
from tests.network.meeting_factory import make_meeting
from tests.network.test_meetings import meeting_form

pytestmark = pytest.mark.django_db


def question_forms(*questions):
    data = {"spoergsmaal-TOTAL_FORMS": str(len(questions)), "spoergsmaal-INITIAL_FORMS": "0"}
    for number, question in enumerate(questions):
        data.update({f"spoergsmaal-{number}-{key}": value for key, value in question.items()})
    return data


def test_a_moderator_sets_questions_when_planning_a_meeting(world, as_user):
    client = as_user(world["closed"]["moderator"])
    data = {
        **meeting_form(),
        **question_forms(
            {
                "label": "Deltager du fysisk eller online?",
                "kind": "one_choice",
                "choices": "Fysisk\nOnline",
                "required": "on",
            },
        ),
    }

    response = client.post("/netvaerk/closed/moeder/nyt/", data)

    assert response.status_code == 302
    (question,) = MeetingQuestion.objects.all()
    assert (question.label, question.choice_list, question.required) == (
        "Deltager du fysisk eller online?",
        ["Fysisk", "Online"],
        True,
    )


def test_a_choice_question_without_choices_is_refused_with_the_meeting(world, as_user):
    client = as_user(world["closed"]["moderator"])
    data = {**meeting_form(), **question_forms({"label": "Kost", "kind": "one_choice"})}

    response = client.post("/netvaerk/closed/moeder/nyt/", data)

    assert response.status_code == 200
    assert "Skriv mindst to svarmuligheder" in response.content.decode()
    assert not MeetingQuestion.objects.exists()


def test_a_member_answers_and_the_moderator_downloads_the_answers(world, as_user):
    meeting = make_meeting(world["closed"]["group"], capacity=5)
    question = MeetingQuestion.objects.create(
        event=meeting, label="Kost", kind="one_choice", choices="Vegetar\nAlt", required=True
    )
    member = world["closed"]["member"]

    response = as_user(member).post(
        f"{meeting.get_absolute_url()}tilmeld/", {f"spoergsmaal_{question.pk}": "Vegetar"}
    )

    assert response.status_code == 302
    assert MeetingRegistration.objects.get(user=member).answers == [
        {"question": "Kost", "answer": "Vegetar"}
    ]
    assert as_user(member).get(f"{meeting.get_absolute_url()}deltagere.csv").status_code == 404
    moderator_client = as_user(world["closed"]["moderator"])
    page = moderator_client.get(meeting.get_absolute_url()).content.decode()
    assert "deltagere.xlsx" in page
    listing = moderator_client.get(f"{meeting.get_absolute_url()}deltagere.csv")
    header, row = csv.reader(io.StringIO(listing.content.decode("utf-8-sig")), delimiter=";")
    assert (header[-1], row[1], row[-1]) == ("Kost", member.email, "Vegetar")


def test_the_confirmation_email_repeats_the_answers(
    world, as_user, django_capture_on_commit_callbacks
):
    meeting = make_meeting(world["closed"]["group"], capacity=5)
    kost = MeetingQuestion.objects.create(
        event=meeting, label="Kost", kind="several_choices", choices="Vegetar\nGlutenfri\nAlt"
    )
    MeetingQuestion.objects.create(event=meeting, label="Bemærkninger", kind="text")

    with django_capture_on_commit_callbacks(execute=True):
        as_user(world["closed"]["member"]).post(
            f"{meeting.get_absolute_url()}tilmeld/",
            {f"spoergsmaal_{kost.pk}": ["Vegetar", "Glutenfri"]},
        )

    (message,) = mail.outbox
    assert "Dine svar:\n- Kost: Vegetar; Glutenfri\n- Bemærkninger: ikke besvaret\n" in message.body


def test_a_planner_adds_several_questions_in_one_save(world, as_user):
    client = as_user(world["closed"]["moderator"])
    form = client.get("/netvaerk/closed/moeder/nyt/").content.decode()
    assert all(f'name="spoergsmaal-{number}-label"' in form for number in range(3))
    empty = {"label": "", "kind": "text", "choices": "", "help_text": ""}

    response = client.post(
        "/netvaerk/closed/moeder/nyt/",
        {
            **meeting_form(),
            **question_forms(
                {"label": "Kost", "kind": "several_choices", "choices": "Vegetar\nAlt"},
                empty,
                {"label": "Bemærkninger", "kind": "text"},
            ),
        },
    )

    assert response.status_code == 302
    assert list(MeetingQuestion.objects.order_by("pk").values_list("label", flat=True)) == [
        "Kost",
        "Bemærkninger",
    ]
    again = client.get(f"{response['Location']}rediger/").content.decode()
    assert 'name="spoergsmaal-4-label"' in again, "two saved and three new"


def test_only_saved_questions_offer_a_delete_box(world, as_user):
    meeting = make_meeting(world["closed"]["group"])
    MeetingQuestion.objects.create(event=meeting, label="Kost", kind="text")

    page = as_user(world["closed"]["moderator"]).get(f"{meeting.get_absolute_url()}rediger/")

    content = page.content.decode()
    assert 'name="spoergsmaal-0-DELETE"' in content
    assert [n for n in range(1, 4) if f'name="spoergsmaal-{n}-DELETE"' in content] == []
    assert 'name="spoergsmaal-3-label"' in content  # the three empty questions are there
