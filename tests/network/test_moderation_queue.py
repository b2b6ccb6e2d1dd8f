"""The moderators' queue of reported posts, hiding and restoring posts, and what readers see of a
hidden post: that it was hidden, never its text."""

import pytest

from network import moderation, reporting
from network.models import ModerationAction, ModerationKind, Reply, Report, ReportOutcome

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported(world, make_user):
    """The open group's reply reported twice, and its thread once."""
    g = world["open"]
    reporting.report(g["member"], g["reply"], reason="spam", details="Køb billige ure")
    reporting.report(g["removed"], g["reply"], reason="offensive")
    reporting.report(g["moderator"], g["thread"], reason="off_topic")
    return g


def test_the_queue_lists_each_reported_post_once_with_its_reports(reported, world, as_user):
    reporting.report(world["closed"]["member"], world["closed"]["reply"], reason="spam")
    client = as_user(reported["moderator"])

    page = client.get("/netvaerk/open/moderering/").content.decode()

    assert page.count("Svar i open") == 1
    assert "Køb billige ure" in page and "Krænkende eller chikanerende" in page
    assert "2 anmeldelser" in page and "1 anmeldelse" in page
    assert f"#svar-{reported['reply'].pk}" in page
    assert "Svar i closed" not in page


def test_hiding_from_the_queue_settles_every_report_on_the_post(reported, as_user):
    client = as_user(reported["moderator"])

    response = client.post(
        f"/netvaerk/open/svar/{reported['reply'].pk}/moderer/",
        {"action": "hide", "reason": "Reklame", "next": "/netvaerk/open/moderering/"},
    )

    assert response["Location"] == "/netvaerk/open/moderering/"
    reply = Reply.objects.get(pk=reported["reply"].pk)
    assert reply.hidden_by == reported["moderator"] and reply.hidden_at
    settled = Report.objects.filter(reply=reply)
    assert {(r.outcome, r.resolved_by_id) for r in settled} == {
        (ReportOutcome.HIDDEN, reported["moderator"].pk)
    }
    assert Report.objects.open().filter(thread=reported["thread"]).count() == 1
    action = ModerationAction.objects.get(kind=ModerationKind.HIDE)
    assert (action.reply, action.reason, action.actor) == (reply, "Reklame", reported["moderator"])


def test_dismissing_leaves_the_post_as_it_is(reported, as_user):
    client = as_user(reported["moderator"])

    client.post(
        f"/netvaerk/open/traad/{reported['thread'].pk}/moderer/indlaeg/", {"action": "dismiss"}
    )

    assert Report.objects.get(thread=reported["thread"]).outcome == ReportOutcome.DISMISSED
    assert not Reply.objects.filter(hidden_at__isnull=False).exists()
    assert ModerationAction.objects.filter(kind=ModerationKind.DISMISS).count() == 1
    queue = client.get("/netvaerk/open/moderering/").content.decode()
    assert "Tråd: Hemmelig overskrift open" not in queue and "Svar i tråden" in queue


def test_an_offsite_next_is_ignored(reported, as_user):
    client = as_user(reported["moderator"])

    response = client.post(
        f"/netvaerk/open/traad/{reported['thread'].pk}/moderer/indlaeg/",
        {"action": "dismiss", "next": "https://example.org/"},
    )

    assert response["Location"] == reported["thread"].get_absolute_url()


def test_a_hidden_reply_shows_readers_only_that_it_was_hidden(world, as_user):
    g = world["open"]
    moderation.hide(g["moderator"], g["reply"])
    Reply.objects.create(
        thread=g["thread"], author=g["member"], body_markdown="Enig", quoted=g["reply"]
    )
    url = g["thread"].get_absolute_url() + "?side=1"

    for reader in (g["member"], g["removed"], world["outsider"]):
        page = as_user(reader).get(url).content.decode()
        assert "Svar i open" not in page
        assert "Skjult af en moderator" in page
        assert "Det citerede indlæg er skjult af en moderator." in page

    moderator_page = as_user(g["moderator"]).get(url).content.decode()
    assert "Svar i open" in moderator_page and "Kun moderatorer ser teksten." in moderator_page
    assert "Vis indlægget igen" in moderator_page


def test_a_hidden_thread_hides_its_title_in_lists_and_on_its_page(world, as_user):
    g = world["open"]
    moderation.hide(g["moderator"], g["thread"], reason="Spam")
    title, body = g["thread"].title, g["thread"].body_markdown

    for reader in (g["member"], world["outsider"]):
        client = as_user(reader)
        for url in ("/netvaerk/open/", g["thread"].get_absolute_url(), "/netvaerk/"):
            page = client.get(url).content.decode()
            assert title not in page and body not in page, (reader, url)
        assert "Tråd skjult af en moderator" in client.get("/netvaerk/open/").content.decode()

    moderator_list = as_user(g["moderator"]).get("/netvaerk/open/").content.decode()
    assert title in moderator_list and "Skjult af en moderator" in moderator_list


def test_the_author_cannot_edit_a_hidden_post(world, as_user):
    g = world["open"]
    moderation.hide(g["moderator"], g["thread"])
    client = as_user(g["member"])

    client.post(
        f"/netvaerk/open/traad/{g['thread'].pk}/rediger/",
        {"title": "Ny titel", "body": "Ny tekst"},
    )

    g["thread"].refresh_from_db()
    assert g["thread"].body_markdown == "Indhold i open"


def test_restoring_shows_the_post_again_and_is_logged(world, as_user):
    g = world["open"]
    moderation.hide(g["moderator"], g["reply"])
    client = as_user(g["moderator"])

    client.post(f"/netvaerk/open/svar/{g['reply'].pk}/moderer/", {"action": "restore"})

    page = as_user(g["member"]).get(g["thread"].get_absolute_url() + "?side=1").content.decode()
    assert "Svar i open" in page
    assert list(ModerationAction.objects.values_list("kind", flat=True)) == [
        ModerationKind.RESTORE,
        ModerationKind.HIDE,
    ]


def test_hidden_posts_cannot_be_reported_and_hiding_twice_is_refused(world):
    g = world["open"]
    moderation.hide(g["moderator"], g["reply"])

    with pytest.raises(reporting.Refused):
        reporting.report(g["member"], g["reply"], reason="spam")
    with pytest.raises(moderation.Refused):
        moderation.hide(g["moderator"], g["reply"])


def test_my_queues_counts_open_reports_in_every_group_i_moderate(reported, world, as_user):
    from tests.network.conftest import add_member

    add_member(world["closed"]["group"], reported["moderator"], role="moderator")
    client = as_user(reported["moderator"])

    page = client.get("/netvaerk/moderering/").content.decode()

    assert "3 åbne anmeldelser" in page and "0 åbne anmeldelser" in page
    assert "Mine moderationskøer" in client.get("/netvaerk/").content.decode()


def test_the_group_page_tells_moderators_how_many_reports_wait(reported, as_user):
    page = as_user(reported["moderator"]).get("/netvaerk/open/").content.decode()

    assert "Anmeldelser (3 åbne)" in page
