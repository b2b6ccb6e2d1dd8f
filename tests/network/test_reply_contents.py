"""A reply's shared part is cached under a key of everything it shows: every change a reader
must see (an edit, hiding, deletion, the author's name, the quoted post) shows at once."""

import pytest

from network import moderation, posting
from network.models import Reply

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread_page(world, as_user):
    g = world["open"]
    client = as_user(g["member"])

    def read():
        return client.get(f"{g['thread'].get_absolute_url()}?side=1").content.decode()

    return g, read


def test_an_edit_shows_at_once(thread_page):
    g, read = thread_page
    assert "Svar i open" in read()

    posting.edit(g["moderator"], g["reply"], body="Rettet svar")

    page = read()
    assert "Rettet svar" in page and "Svar i open" not in page


def test_hiding_and_deleting_show_at_once(thread_page):
    g, read = thread_page
    assert "Svar i open" in read()

    moderation.hide(g["moderator"], g["reply"])
    assert "Svar i open" not in read()

    moderation.restore(g["moderator"], Reply.objects.get(pk=g["reply"].pk))
    assert "Svar i open" in read()

    posting.delete(g["moderator"], Reply.objects.get(pk=g["reply"].pk))
    assert "Svar i open" not in read()


def test_a_renamed_author_and_a_changed_quote_show_at_once(thread_page):
    g, read = thread_page
    quoting = Reply.objects.create(
        thread=g["thread"], author=g["member"], body_markdown="Enig", quoted=g["reply"]
    )
    assert "Svar i open" in read()

    g["moderator"].first_name = "Omdøbt"
    g["moderator"].save()
    assert "Omdøbt" in read()

    moderation.hide(g["moderator"], g["reply"])
    page = read()
    assert "Det citerede indlæg er skjult af en moderator." in page
    assert f'id="svar-{quoting.pk}"' in page
