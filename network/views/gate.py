"""Who reaches a network page: everyone signs in; what they may not see is a 404."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404

from network import access
from network.models import Attachment, Group, GroupDocument, Meeting, Reply, Thread


def network_view(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapped


def listed_group(user, slug, groups=Group.objects):
    return get_object_or_404(groups.listed_for(user), slug=slug)


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


def readable_meeting(user, slug, pk):
    return get_object_or_404(
        Meeting.objects.readable_by(user).filter(group__slug=slug).select_related("group"), pk=pk
    )


def readable_attachment(user, slug, pk):
    """An attachment of a post that is not deleted, in the group named by `slug`, readable; of a
    hidden post only to the group's moderators."""
    groups = Group.objects.readable_by(user).filter(slug=slug)
    return get_object_or_404(access.readable_attachments(user, groups, Attachment.objects), pk=pk)


def readable_document(user, slug, pk):
    return get_object_or_404(
        GroupDocument.objects.filter(
            group__in=Group.objects.readable_by(user), group__slug=slug
        ).select_related("group"),
        pk=pk,
    )


def moderated_group(user, slug):
    """A group the user moderates; to anyone else its moderation pages do not exist."""
    return get_object_or_404(access.moderated_groups(user, Group.objects.all()), slug=slug)
