"""Who follows what: groups (for new threads) and threads (for new replies)."""

from django.db.models import Exists, OuterRef

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


def with_following(queryset, user):
    """Each group or thread of `queryset` with whether `user` follows it (`followed`), so the
    page of one asks in its own query; for the reader the page is rendered for only."""
    field = "group" if queryset.model is Group else "thread"
    follows = Follow.objects.filter(user=user, **{field: OuterRef("pk")})
    return queryset.annotate(followed=Exists(follows))


def is_following(user, target):
    """Does `user` follow the group or thread? A target of `with_following(…, user)` knows."""
    followed = getattr(target, "followed", None)
    if followed is not None:
        return followed
    return Follow.objects.filter(user=user, **_target(target)).exists()
