"""What the networks make searchable: the live threads, with their live replies, of the groups
the reader may read (network/access.py). A reply written, edited, hidden or deleted indexes its
thread again in the same transaction; a change of group or membership sets cached answers aside."""

from django.db.models import Prefetch
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from network import access
from network.models import Group, Membership, Reply, Thread
from portal.search import autoindex
from portal.search.generation import bump_search_generation
from portal.search.sources import Hit, SearchSource


def _threads(user, topic):
    if not user.is_authenticated:
        return None
    return Thread.objects.readable_by(user).filter(deleted_at=None, hidden_at=None)


def _scope(user):
    """Which groups a member reads follows from their own memberships and the groups' kinds,
    whose every change moves the search generation (`_access_changed`): the member is the
    scope."""
    return f"reader:{user.pk}" if access.is_network_member(user) else None


def thread_hits(objects, request):
    live = Reply.objects.filter(deleted_at=None, hidden_at=None)
    threads = (
        Thread.objects.filter(pk__in=[obj.pk for obj in objects])
        .select_related("group")
        .prefetch_related(Prefetch("replies", queryset=live, to_attr="live_replies"))
    )
    return {
        thread.pk: Hit(
            title=thread.title,
            url=thread.get_absolute_url(),
            kind=_("tråd"),
            text=" ".join([thread.body_markdown, *(r.body_markdown for r in thread.live_replies)]),
            date=thread.last_activity,
            context=thread.group.name,
        )
        for thread in threads
    }


def sources():
    return [
        SearchSource(
            key="netvaerk",
            label=_("Netværk"),
            order=70,
            queryset=_threads,
            hits=thread_hits,
            date_field="last_activity",
            suggestion_url=Thread.get_absolute_url,
            reader_scope=_scope,
        )
    ]


def _reply_changed(instance, raw=False, **kwargs):
    if not raw:
        thread = Thread.objects.filter(pk=instance.thread_id).first()
        if thread is not None:
            autoindex.update(thread)


def _access_changed(raw=False, **kwargs):
    if not raw:
        bump_search_generation()


def connect():
    post_save.connect(_reply_changed, sender=Reply, dispatch_uid="network_search_reply_saved")
    post_delete.connect(_reply_changed, sender=Reply, dispatch_uid="network_search_reply_deleted")
    for model in (Group, Membership):
        post_save.connect(_access_changed, sender=model, dispatch_uid="network_search_access")
        post_delete.connect(
            _access_changed, sender=model, dispatch_uid="network_search_access_gone"
        )
