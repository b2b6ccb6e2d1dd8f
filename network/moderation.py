"""What a group's moderators do: hide and show posts, settle reports, remove and ban people.

Every rule is checked here, inside the transaction that saves, and every action is written to
the group's moderation log in the same transaction.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events import registration
from network import access, admission
from network.choices import MembershipRole, MembershipStatus
from network.models import (
    MeetingRegistration,
    Membership,
    ModerationAction,
    ModerationKind,
    Report,
    ReportOutcome,
    Thread,
)


class Refused(Exception):
    """An action the rules forbid; the message tells the moderator why, in Danish."""


def thread_of(post):
    return post if isinstance(post, Thread) else post.thread


def post_fields(post):
    """The `thread`/`reply` pair that names a post in reports and in the log."""
    if isinstance(post, Thread):
        return {"thread": post, "reply": None}
    return {"thread": None, "reply": post}


def log(actor, group, kind, *, post=None, member=None, reason=""):
    fields = post_fields(post) if post is not None else {}
    return ModerationAction.objects.create(
        group=group, actor=actor, kind=kind, member=member, reason=reason, **fields
    )


def _check_moderator(user, group):
    if not access.may_moderate(user, group):
        raise Refused(_("Kun netværkets moderatorer kan gøre det."))


# What each thread action sets: a pinned thread stays on top, a locked one takes no replies.
THREAD_STATES = {
    ModerationKind.PIN: ("pinned", True),
    ModerationKind.UNPIN: ("pinned", False),
    ModerationKind.LOCK: ("locked", True),
    ModerationKind.UNLOCK: ("locked", False),
}


@transaction.atomic
def set_thread_state(moderator, thread, kind):
    """Pin, unpin, lock or unlock a thread, and log it."""
    _check_moderator(moderator, thread.group)
    field, value = THREAD_STATES[kind]
    setattr(thread, field, value)
    thread.save(update_fields=[field])
    log(moderator, thread.group, kind, post=thread)


def open_reports_on(post):
    return Report.objects.open().filter(**post_fields(post))


def _resolve_reports(moderator, post, outcome):
    return open_reports_on(post).update(
        resolved_at=timezone.now(), resolved_by=moderator, outcome=outcome
    )


@transaction.atomic
def hide(moderator, post, reason=""):
    """Hide the post from readers and settle every open report on it."""
    group = thread_of(post).group
    _check_moderator(moderator, group)
    if post.is_hidden:
        raise Refused(_("Indlægget er allerede skjult."))
    post.hidden_at = timezone.now()
    post.hidden_by = moderator
    post.save(update_fields=["hidden_at", "hidden_by"])
    _resolve_reports(moderator, post, ReportOutcome.HIDDEN)
    log(moderator, group, ModerationKind.HIDE, post=post, reason=reason)


@transaction.atomic
def restore(moderator, post, reason=""):
    group = thread_of(post).group
    _check_moderator(moderator, group)
    if not post.is_hidden:
        raise Refused(_("Indlægget er ikke skjult."))
    post.hidden_at = None
    post.hidden_by = None
    post.save(update_fields=["hidden_at", "hidden_by"])
    log(moderator, group, ModerationKind.RESTORE, post=post, reason=reason)


@transaction.atomic
def dismiss(moderator, post, reason=""):
    """The reports on the post need no action: close them, leave the post as it is."""
    group = thread_of(post).group
    _check_moderator(moderator, group)
    if not _resolve_reports(moderator, post, ReportOutcome.DISMISSED):
        raise Refused(_("Der er ingen åbne anmeldelser af indlægget."))
    log(moderator, group, ModerationKind.DISMISS, post=post, reason=reason)


def _locked_membership(membership):
    return Membership.objects.select_for_update().select_related("group").get(pk=membership.pk)


def _check_may_discipline(moderator, membership):
    _check_moderator(moderator, membership.group)
    if membership.user_id == moderator.pk:
        raise Refused(_("Du kan ikke fjerne eller udelukke dig selv."))
    if not access.may_remove_member(moderator, membership):
        raise Refused(
            _("Kun Styrelsens medarbejdere kan fjerne eller udelukke en anden moderator.")
        )


@transaction.atomic
def remove(moderator, membership, reason=""):
    """End an active membership: the person loses what only members have, and may ask to come
    back (or join again, in an open group)."""
    membership = _locked_membership(membership)
    _check_may_discipline(moderator, membership)
    if membership.status != MembershipStatus.ACTIVE:
        raise Refused(_("Personen er ikke aktivt medlem."))
    _set_status(membership, MembershipStatus.REMOVED)
    log(moderator, membership.group, ModerationKind.REMOVE, member=membership.user, reason=reason)


@transaction.atomic
def ban(moderator, membership, reason=""):
    """Shut the person out: no reading (an open group included), joining or invitations."""
    membership = _locked_membership(membership)
    _check_may_discipline(moderator, membership)
    if membership.status == MembershipStatus.BANNED:
        raise Refused(_("Personen er allerede udelukket."))
    _set_status(membership, MembershipStatus.BANNED)
    admission.remember_ban(membership)
    log(moderator, membership.group, ModerationKind.BAN, member=membership.user, reason=reason)


@transaction.atomic
def lift_ban(moderator, membership, reason=""):
    """A lifted ban leaves the person as removed: they may ask to join again or be invited."""
    membership = _locked_membership(membership)
    _check_moderator(moderator, membership.group)
    if membership.status != MembershipStatus.BANNED:
        raise Refused(_("Personen er ikke udelukket."))
    _set_status(membership, MembershipStatus.REMOVED)
    admission.forget_ban(membership)
    log(
        moderator,
        membership.group,
        ModerationKind.LIFT_BAN,
        member=membership.user,
        reason=reason,
    )


def _set_status(membership, status):
    """Remove or ban: the moderator role and the seats at the group's coming meetings go too."""
    membership.status = status
    membership.role = MembershipRole.MEMBER
    membership.save(update_fields=["status", "role"])
    registration.give_up_coming_seats(
        MeetingRegistration.objects.filter(user=membership.user_id, event__group=membership.group)
    )
