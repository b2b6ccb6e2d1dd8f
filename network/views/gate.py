"""Who reaches a network page: everyone signs in; what they may not see is a 404."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404

from network.models import Group, Reply, Thread
from portal import access


def network_view(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapped


def listed_group(user, slug):
    return get_object_or_404(Group.objects.listed_for(user), slug=slug)


def readable_group(user, slug):
    return get_object_or_404(Group.objects.readable_by(user), slug=slug)


def readable_thread(user, slug, pk, threads=Thread.objects):
    return get_object_or_404(
        threads.readable_by(user)
        .filter(group__slug=slug)
        .select_related("group", "author__municipality", "solution__author__municipality"),
        pk=pk,
    )


def readable_reply(user, slug, pk):
    return get_object_or_404(
        Reply.objects.filter(
            thread__group__in=Group.objects.readable_by(user), thread__group__slug=slug
        ).select_related("thread__group"),
        pk=pk,
    )


def moderated_group(user, slug):
    """A group the user moderates; to anyone else its moderation pages do not exist."""
    return get_object_or_404(access.moderated_groups(user, Group.objects.all()), slug=slug)
