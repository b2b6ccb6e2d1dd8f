"""The network pages' shared fragments (the list of groups, a group's threads, moderators and
members, a thread's replies) never hand one reader what another's rights gave them, and every
change shows at once. Each test renders a page first for one reader, filling the cache, then
for another."""

import pytest
from django.contrib.auth.models import Group as Role

from network import following, fragments, moderation, posting
from network.choices import MembershipStatus
from network.models import Membership, Reply, Thread
from portal import roles
from portal.people import GENERATION_KEY as PEOPLE_KEY
from tests.network.conftest import add_member

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def open_group(world, make_user):
    """The open group, with a second active member who wrote a reply of their own."""
    g = world["open"]
    g["outsider"] = world["outsider"]
    g["other"] = make_user(roles.MEMBER, first_name="Anden", last_name="Læser")
    add_member(g["group"], g["other"])
    g["own_reply"] = Reply.objects.create(
        thread=g["thread"], author=g["other"], body_markdown="Mit eget svar"
    )
    return g


def test_moderator_and_member_never_get_each_others_replies(open_group, as_user):
    g = open_group
    url = f"{g['thread'].get_absolute_url()}?side=1"
    moderator_page = page(as_user(g["moderator"]), url)
    assert "Skjul indlægget" in moderator_page

    outsider_page = page(as_user(g["outsider"]), url)
    assert "Svar i open" in outsider_page
    assert "Skjul indlægget" not in outsider_page
    assert "citer=" not in outsider_page  # may not reply, so may not quote

    assert "Skjul indlægget" not in page(as_user(g["other"]), url)
    assert "Skjul indlægget" in page(as_user(g["moderator"]), url)


def test_own_reply_actions_only_for_its_author(open_group, as_user):
    g = open_group
    url = f"{g['thread'].get_absolute_url()}?side=1"
    edit_link = f"/svar/{g['own_reply'].pk}/rediger/"
    assert edit_link in page(as_user(g["other"]), url)

    outsider_page = page(as_user(g["outsider"]), url)
    assert edit_link not in outsider_page
    assert "Mit eget svar" in outsider_page
    assert edit_link in page(as_user(g["other"]), url)


def test_unread_marks_are_the_readers_own(open_group, as_user):
    g = open_group
    url = f"{g['thread'].get_absolute_url()}?side=1"
    page(as_user(g["other"]), url)  # the mark moves past every reply so far
    Reply.objects.create(thread=g["thread"], author=g["moderator"], body_markdown="Nyt svar")

    assert 'class="network-unread"' in page(as_user(g["other"]), url)
    moderator_page = page(as_user(g["moderator"]), url)
    assert "Nyt svar" in moderator_page and 'class="network-unread"' not in moderator_page


@pytest.mark.parametrize("kind", ["closed", "secret"])
def test_a_private_groups_threads_stay_inside_it(world, as_user, kind):
    g = world[kind]
    title = f"Hemmelig overskrift {kind}"
    assert title in page(as_user(g["member"]), g["group"].get_absolute_url())

    invited = as_user(g["invited"])
    group_page = invited.get(g["group"].get_absolute_url()).content.decode()
    assert title not in group_page
    assert f"Svar i {kind}" not in invited.get(g["thread"].get_absolute_url()).content.decode()
    index = page(as_user(world["outsider"]), "/netvaerk/")
    assert (g["group"].name in index) == (kind == "closed")
    assert title not in index


def test_hidden_thread_title_only_for_moderators(world, as_user):
    g = world["open"]
    moderation.hide(g["moderator"], g["thread"])
    url = g["group"].get_absolute_url()
    assert "Hemmelig overskrift open" in page(as_user(g["moderator"]), url)
    member_page = page(as_user(g["member"]), url)
    assert "Hemmelig overskrift open" not in member_page
    assert "Tråd skjult af en moderator" in member_page


def test_membership_state_in_the_list_is_the_readers_own(world, as_user):
    g = world["closed"]
    assert "Du er inviteret" in page(as_user(g["invited"]), "/netvaerk/")
    requested = page(as_user(g["requested"]), "/netvaerk/")
    assert "Du er inviteret" not in requested
    assert "Du har anmodet om medlemskab" in requested


def test_changes_show_at_once(world, as_user):
    g = world["open"]
    client = as_user(g["member"])
    group_url = g["group"].get_absolute_url()
    thread_url = f"{g['thread'].get_absolute_url()}?side=1"
    page(client, group_url), page(client, thread_url), page(client, "/netvaerk/")

    posting.start_thread(g["member"], g["group"], title="Ny tråd i dag", body="Tekst", token=None)
    assert "Ny tråd i dag" in page(client, group_url)
    posting.reply(g["moderator"], g["thread"], body="Helt nyt svar", token=None)
    assert "Helt nyt svar" in page(client, thread_url)

    g["moderator"].first_name = "Omdøbt"
    g["moderator"].save()
    assert "Omdøbt" in page(client, group_url)

    newcomer = world["outsider"]
    add_member(g["group"], newcomer, MembershipStatus.ACTIVE)
    assert str(newcomer) in page(client, group_url)
    assert "3 medlemmer" in page(client, "/netvaerk/")
    Thread.objects.filter(pk=g["thread"].pk).delete()
    assert "Hemmelig overskrift open" not in page(client, group_url)


def test_unread_threads_in_lists_and_group_pages_are_the_readers_own(open_group, as_user):
    g = open_group
    Reply.objects.create(thread=g["thread"], author=g["moderator"], body_markdown="Ulæst svar")
    group_url = g["group"].get_absolute_url()
    in_list, in_group = "tråd med ulæst aktivitet", 'class="network-unread">Ulæst<'
    for reader in ("member", "other"):
        assert in_list in page(as_user(g[reader]), "/netvaerk/")
        assert in_group in page(as_user(g[reader]), group_url)

    page(as_user(g["other"]), f"{g['thread'].get_absolute_url()}?side=1")  # reads the reply

    assert in_list not in page(as_user(g["other"]), "/netvaerk/")
    assert in_group not in page(as_user(g["other"]), group_url)
    assert in_list in page(as_user(g["member"]), "/netvaerk/")
    assert in_group in page(as_user(g["member"]), group_url)


def test_the_shared_thread_carries_no_readers_rights_or_state(world, as_user):
    g = world["closed"]
    url = f"{g['thread'].get_absolute_url()}?side=1"
    following.follow(g["member"], g["thread"])
    member_page = page(as_user(g["member"]), url)
    assert "Følg ikke længere tråden" in member_page and "Send svar" in member_page

    moderator_page = page(as_user(g["moderator"]), url)
    assert "Følg ikke længere tråden" not in moderator_page
    assert "Lås tråden" in moderator_page
    assert "Lås tråden" not in page(as_user(g["member"]), url)
    for relation in ("removed", "requested", "invited", "banned"):
        assert as_user(g[relation]).get(url).status_code == 404
    assert as_user(world["outsider"]).get(url).status_code == 404

    Membership.objects.filter(group=g["group"], user=g["member"]).delete()
    assert as_user(g["member"]).get(url).status_code == 404


def test_membership_on_a_group_page_is_the_readers_own(world, as_user):
    g = world["open"]
    url = g["group"].get_absolute_url()
    member_page = page(as_user(g["member"]), url)
    assert "Forlad netværket" in member_page and "Start en ny tråd" in member_page
    outsider_page = page(as_user(world["outsider"]), url)
    assert "Bliv medlem" in outsider_page
    assert "Forlad netværket" not in outsider_page and "Start en ny tråd" not in outsider_page
    banned_page = page(as_user(g["banned"]), url)
    assert "Du er udelukket" in banned_page and "Hemmelig overskrift open" not in banned_page
    assert as_user(g["member"]).get(world["secret"]["group"].get_absolute_url()).status_code == 404


def test_the_list_of_networks_follows_the_readers_roles_and_moderation(world, as_user):
    g = world["closed"]
    review_link = "Anmodninger om netværksadgang"
    assert review_link in page(as_user(g["moderator"]), "/netvaerk/")
    member = as_user(g["member"])
    assert review_link not in page(member, "/netvaerk/")
    assert g["group"].name in page(member, "/netvaerk/")

    g["member"].groups.remove(Role.objects.get(name=roles.MEMBER))
    assert g["group"].name not in page(member, "/netvaerk/")


def test_group_page_reads_its_group_generations_once(open_group, as_user, monkeypatch):
    """Every fragment of the page is keyed by the generations read with the group."""
    g = open_group
    client = as_user(g["other"])
    page(client, g["group"].get_absolute_url())
    read = []
    original = fragments.generations

    def recording(*keys):
        read.append(keys)
        return original(*keys)

    monkeypatch.setattr(fragments, "generations", recording)
    html = page(client, g["group"].get_absolute_url())
    assert g["thread"].title in html
    group_key = f"network:fragments:group:{g['group'].pk}"
    assert [keys for keys in read if group_key in keys] == [(group_key, PEOPLE_KEY)]
