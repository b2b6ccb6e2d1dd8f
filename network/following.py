"""Who follows what: groups (for new threads) and threads (for new replies)."""

from network.models import Follow, Group, Thread


def _target(target):
    if isinstance(target, Group):
        return {"group": target}
    if isinstance(target, Thread):
        return {"thread": target}
    raise TypeError(target)


def follow(user, target):
    Follow.objects.get_or_create(user=user, **_target(target))


def follow_thread(user_ids, thread):
    """Make each of the users follow the thread (those who already do are left as they are)."""
    Follow.objects.bulk_create(
        [Follow(user_id=user_id, thread=thread) for user_id in user_ids],
        ignore_conflicts=True,
    )


def unfollow(user, target):
    Follow.objects.filter(user=user, **_target(target)).delete()


def is_following(user, target):
    return Follow.objects.filter(user=user, **_target(target)).exists()
