"""What the network app holds about a person, for the data download and account deletion.

Deleting an account keeps what the person wrote, so the conversations stay readable; their user
row is anonymised, so their threads and replies read "Slettet bruger" (the privacy policy says
so). Their memberships go, and so do their meeting registrations: seats at coming meetings are
given up first, so the waiting lists move up.
"""

from django.db.models import Q

from events import registration
from events.personal_data import registration_data
from network.models import (
    MeetingRegistration,
    Membership,
    MembershipRequest,
    PostRevision,
    Reply,
    Thread,
)


def _when(moment):
    return moment.isoformat() if moment else None


def _post(post, group, **fields):
    return {
        "netværk": group.name,
        **fields,
        "tekst": post.body_markdown,
        "oprettet": _when(post.created),
        "redigeret": _when(post.edited_at),
        "slettet": _when(post.deleted_at),
    }


def export(user):
    threads = Thread.objects.filter(author=user).select_related("group").order_by("created", "pk")
    replies = (
        Reply.objects.filter(author=user).select_related("thread__group").order_by("created", "pk")
    )
    revisions = (
        PostRevision.objects.filter(Q(thread__author=user) | Q(reply__author=user))
        .select_related("thread__group", "reply__thread__group")
        .order_by("edited_at", "pk")
    )
    return {
        "medlemskaber": [
            {
                "netværk": m.group.name,
                "rolle": m.get_role_display(),
                "status": m.get_status_display(),
                "medlem_siden": _when(m.joined_at),
            }
            for m in Membership.objects.filter(user=user).select_related("group")
        ],
        "anmodning_om_netværksadgang": [
            {"status": r.get_status_display(), "oprettet": _when(r.created)}
            for r in MembershipRequest.objects.filter(user=user)
        ],
        "tråde": [_post(t, t.group, overskrift=t.title) for t in threads],
        "svar": [_post(r, r.thread.group, tråd=r.thread.title) for r in replies],
        "tidligere_versioner": [
            {
                "netværk": (r.thread or r.reply.thread).group.name,
                "tråd": (r.thread or r.reply.thread).title,
                "tidligere_overskrift": r.old_title,
                "tidligere_tekst": r.old_body,
                "redigeret": _when(r.edited_at),
            }
            for r in revisions
        ],
        "mødetilmeldinger": [
            {
                "netværk": r.event.group.name,
                "møde": r.event.title,
                "starter": _when(r.event.start),
                **registration_data(r),
            }
            for r in MeetingRegistration.objects.filter(user=user)
            .with_waiting_position()
            .select_related("event__group")
        ],
    }


def erase(user):
    registration.give_up_coming_seats(MeetingRegistration.objects.filter(user=user))
    MeetingRegistration.objects.filter(user=user).delete()
    Membership.objects.filter(user=user).delete()
    # A ban stays, as a digest of the address (network/admission.py), not as the person.
    MembershipRequest.objects.filter(user=user).delete()
