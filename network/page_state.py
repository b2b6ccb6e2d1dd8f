"""The group or thread a page shows: the reader's state there in one query, the object itself
from the shared cache.

Whether the reader may see it, their membership of the group, whether they follow it and how far
they read it are asked afresh on every request, in one query whose SQL is compiled once per
process and set of roles (`portal.compiled`). The group or thread, with the people it shows, is
the same for every reader who passes that question: it is kept under its group's generations
(`network.fragments`), which move on any change of the group, its threads and replies and of the
people, so nothing is asked of the access policy from the cache.
"""

from django.db.models import Exists, OuterRef, Subquery
from django.http import Http404

from network import following, fragments, reading
from network.models import Group, Membership, Thread
from portal import compiled

GROUP_FIELDS = ("pk", "readable", "followed", "my_status", "my_role")
THREAD_FIELDS = ("group_id", "read_up_to", "first_unread", "followed", "my_status", "my_role")


def group(user, slug):
    """The group listed for `user` under `slug`, with `readable` and `followed`; else 404."""
    state = _state("group-page", user, _group_state, [slug], GROUP_FIELDS)
    found = _cached(Group, state["pk"], state["pk"], lambda pk: Group.objects.get(pk=pk))
    found.readable, found.followed = state["readable"], state["followed"]
    _remember_membership(user, found, state)
    return found


def thread(user, slug, pk):
    """The thread `pk` of group `slug` if `user` may read it, with their `read_up_to`,
    `first_unread` and `followed`; else 404."""
    state = _state("thread-page", user, _thread_state, [pk, slug], THREAD_FIELDS)
    related = ("group", "author__municipality", "solution__author__municipality")
    found = _cached(
        Thread, pk, state["group_id"], lambda pk: Thread.objects.select_related(*related).get(pk=pk)
    )
    found.read_up_to, found.first_unread = state["read_up_to"], state["first_unread"]
    found.followed = state["followed"]
    _remember_membership(user, found.group, state)
    return found


def _state(name, user, build, values, fields):
    rows = compiled.rows(name, user, build, values)
    if not rows:
        raise Http404
    return dict(zip(fields, rows[0], strict=True))


def _cached(model, pk, group_id, load):
    """The object, with the group generations it was read under (`stamp`), which the page's
    other fragments are keyed by too."""
    stamp = fragments.group_stamp(group_id)
    found = fragments.get_or_render(
        fragments.key(model.__name__.lower(), pk, *stamp), lambda: load(pk)
    )
    found.stamp = stamp
    return found


def _own_membership(reader, group_ref):
    mine = Membership.objects.filter(group=OuterRef(group_ref), user=reader)
    return {
        "my_status": Subquery(mine.values("status")[:1]),
        "my_role": Subquery(mine.values("role")[:1]),
    }


def _group_state(reader, slots):
    (slug,) = slots
    readable = Exists(Group.objects.readable_by(reader).filter(pk=OuterRef("pk")))
    groups = Group.objects.listed_for(reader).filter(slug=slug).annotate(readable=readable)
    groups = following.with_following(groups, reader).annotate(**_own_membership(reader, "pk"))
    return groups.values_list(*GROUP_FIELDS)


def _thread_state(reader, slots):
    pk, slug = slots
    threads = Thread.objects.readable_by(reader).filter(pk=pk, group__slug=slug)
    threads = following.with_following(reading.with_read_state(threads, reader), reader)
    return threads.annotate(**_own_membership(reader, "group_id")).values_list(*THREAD_FIELDS)


def _remember_membership(user, group, state):
    """What `access.network_membership` would read: the reader's membership, or None."""
    membership = None
    if state["my_status"] is not None:
        membership = Membership(
            group=group, user=user, status=state["my_status"], role=state["my_role"]
        )
    group.__dict__.setdefault("_memberships_by_user", {})[user.pk] = membership
