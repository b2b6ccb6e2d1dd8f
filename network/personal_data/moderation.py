"""What moderation and read tracking hold about a person.

Reports they filed stay for the moderators, without their name: the post may still need a look.
What moderators did stays in the log for accountability; the actor is the anonymised user row,
shown as "Slettet bruger". Reasons moderators wrote about the person are cleared. How far they
read each thread is simply forgotten.
"""

from django.db.models import Q

from network import fragments
from network.models import ModerationAction, Report, ThreadVisit


def _post_label(item):
    if item.reply_id:
        return {"svar": item.reply_id, "tråd": item.reply.thread_id}
    return {"tråd": item.thread_id}


def export_reports(user):
    return [
        {
            "netværk": report.group.name,
            **_post_label(report),
            "årsag": report.get_reason_display(),
            "uddybning": report.details,
            "anmeldt": report.created.isoformat(),
            "afgjort": report.resolved_at.isoformat() if report.resolved_at else None,
            "afgørelse": report.get_outcome_display(),
        }
        for report in Report.objects.filter(reporter=user).select_related("group", "reply")
    ]


def export_moderation(user):
    """Actions the person took as a moderator, and actions taken about them."""
    return [
        {
            "netværk": action.group.name,
            "handling": action.get_kind_display(),
            "udført_af_dig": action.actor_id == user.pk,
            "begrundelse": action.reason,
            "tidspunkt": action.created.isoformat(),
        }
        for action in ModerationAction.objects.filter(Q(actor=user) | Q(member=user))
        .select_related("group")
        .order_by("created", "pk")
    ]


def export_reading(user):
    return [
        {
            "tråd": visit.thread_id,
            "læst_til_og_med_svar": visit.read_up_to,
            "læst": visit.read_at.isoformat(),
        }
        for visit in ThreadVisit.objects.filter(user=user).order_by("read_at")
    ]


def erase(user):
    Report.objects.filter(reporter=user).update(reporter=None)
    ModerationAction.objects.filter(member=user).update(reason="")
    ThreadVisit.objects.filter(user=user).delete()
    fragments.reader_read(user.pk)
