"""Following: automatic for a thread one starts, answers or is mentioned in; by hand for groups
and threads, from buttons on their pages, for those who may read them."""

import pytest

from network import following
from network.models import Follow
from tests.network.notification_helpers import post_reply, post_thread

pytestmark = pytest.mark.django_db


def follows_thread(user, thread):
    return Follow.objects.filter(user=user, thread=thread).exists()


def test_starting_a_thread_and_replying_follow_it(world):
    open_group = world["open"]
    thread = post_thread(open_group["member"], open_group["group"])

    assert follows_thread(open_group["member"], thread)
    assert not follows_thread(open_group["moderator"], thread)

    post_reply(open_group["moderator"], thread)

    assert follows_thread(open_group["moderator"], thread)


def test_replying_again_to_a_followed_thread_keeps_one_follow(world):
    open_group = world["open"]
    thread = post_thread(open_group["member"], open_group["group"])
    post_reply(open_group["member"], thread)
    post_reply(open_group["member"], thread)

    assert Follow.objects.filter(user=open_group["member"], thread=thread).count() == 1


def test_the_follow_buttons_follow_and_unfollow_a_group(world, as_user):
    group = world["closed"]["group"]
    client = as_user(world["closed"]["member"])

    page = client.get(group.get_absolute_url()).content.decode()
    assert "Følg netværket" in page
    client.post(f"/netvaerk/{group.slug}/foelg/", {"action": "follow"})
    assert following.is_following(world["closed"]["member"], group)
    assert "Følg ikke længere netværket" in client.get(group.get_absolute_url()).content.decode()

    client.post(f"/netvaerk/{group.slug}/foelg/", {"action": "unfollow"})
    assert not following.is_following(world["closed"]["member"], group)


def test_the_follow_button_of_a_thread(world, as_user):
    thread = world["open"]["thread"]
    reader = world["outsider"]  # an open group is read by everyone signed in
    client = as_user(reader)
    url = f"{thread.get_absolute_url()}foelg/"

    assert "Følg tråden" in client.get(thread.get_absolute_url()).content.decode()
    assert client.post(url, {"action": "follow"}).status_code == 302
    assert follows_thread(reader, thread)
    assert "Følg ikke længere tråden" in client.get(thread.get_absolute_url()).content.decode()
    client.post(url, {"action": "unfollow"})
    assert not follows_thread(reader, thread)


@pytest.mark.parametrize("relation", ["outsider", "removed", "requested", "invited", "banned"])
def test_who_may_not_read_a_secret_group_cannot_follow_it_or_its_threads(world, as_user, relation):
    secret = world["secret"]
    user = world[relation] if relation == "outsider" else secret[relation]
    client = as_user(user)

    group_response = client.post(f"/netvaerk/{secret['group'].slug}/foelg/")
    thread_response = client.post(f"{secret['thread'].get_absolute_url()}foelg/")

    assert (group_response.status_code, thread_response.status_code) == (404, 404)
    assert not Follow.objects.filter(user=user).exists()


def test_following_needs_a_post(world, as_user):
    client = as_user(world["open"]["member"])

    assert client.get("/netvaerk/open/foelg/").status_code == 405
