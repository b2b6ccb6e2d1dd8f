"""Joining, leaving, requests, invitations and moderators: how a membership changes status."""

from django.db import transaction
from django.utils.translation import gettext as _

from events import registration
from network import access, fragments, moderation
from network.choices import GroupKind, MembershipRole, MembershipStatus
from network.models import MeetingRegistration, Membership, ModerationKind
from portal import audit
from portal.models import AuditEvent


class Refused(Exception):
    """A change the rules forbid; the message tells the user why, in Danish."""


@transaction.atomic
def join(user, group):
    """Open groups take anyone at once, closed ones get a request, secret ones need an
    invitation (which joining accepts). Returns the membership."""
    membership = Membership.objects.select_for_update().filter(
        group=group, user=user
    ).first() or Membership(group=group, user=user)
    if membership.status == MembershipStatus.ACTIVE:
        raise Refused(_("Du er allerede medlem af netværket."))
    if membership.status == MembershipStatus.BANNED:
        raise Refused(_("Du er udelukket fra netværket."))
    if membership.status == MembershipStatus.REQUESTED:
        raise Refused(_("Du har allerede anmodet om at blive medlem."))
    if membership.status == MembershipStatus.INVITED or group.kind == GroupKind.OPEN:
        membership.activate()
    elif group.kind == GroupKind.CLOSED:
        membership.status = MembershipStatus.REQUESTED
    else:
        raise Refused(_("Man kan kun blive medlem af et hemmeligt netværk efter invitation."))
    membership.save()
    return membership


@transaction.atomic
def leave(user, group):
    """Leaving (or withdrawing a request, or declining an invitation) ends the membership and
    gives up the person's seats at the group's coming meetings."""
    deleted, _rows = (
        Membership.objects.filter(group=group, user=user)
        .exclude(status__in=[MembershipStatus.BANNED, MembershipStatus.REMOVED])
        .delete()
    )
    if not deleted:
        raise Refused(_("Du er ikke medlem af netværket."))
    registration.give_up_coming_seats(
        MeetingRegistration.objects.filter(user=user, event__group=group)
    )


@transaction.atomic
def decide_request(moderator, membership, approve):
    if not access.may_moderate(moderator, membership.group):
        raise Refused(_("Kun netværkets moderatorer kan afgøre anmodninger."))
    if membership.status != MembershipStatus.REQUESTED:
        raise Refused(_("Anmodningen er allerede afgjort."))
    if approve:
        membership.activate()
        membership.save(update_fields=["status", "joined_at"])
    else:
        membership.delete()
    kind = ModerationKind.APPROVE if approve else ModerationKind.REJECT
    moderation.log(moderator, membership.group, kind, member=membership.user)


@transaction.atomic
def invite(moderator, group, user):
    if not access.may_moderate(moderator, group):
        raise Refused(_("Kun netværkets moderatorer kan invitere."))
    membership, created = Membership.objects.select_for_update().get_or_create(
        group=group, user=user, defaults={"status": MembershipStatus.INVITED}
    )
    if not created:
        _reinvite(membership)
    moderation.log(moderator, group, ModerationKind.INVITE, member=user)
    return membership


def _reinvite(membership):
    """An applicant invited is let in; someone who left or was removed is invited again."""
    if membership.status == MembershipStatus.BANNED:
        raise Refused(_("Personen er udelukket fra netværket."))
    if membership.status in (MembershipStatus.ACTIVE, MembershipStatus.INVITED):
        raise Refused(_("Personen er allerede medlem eller inviteret."))
    if membership.status == MembershipStatus.REQUESTED:
        membership.activate()
    else:
        membership.status = MembershipStatus.INVITED
    membership.save(update_fields=["status", "joined_at"])


@transaction.atomic
def save_group(actor, group, moderators, stored_kind):
    """Save the group as `actor` edited it, with exactly `moderators` moderating it (as active
    members; former moderators stay members). `stored_kind` is its kind before the edit, None
    for a new group. Changes are written to the group's moderation log; made by someone who
    did not moderate it, to the security log as well."""
    if not access.may_name_moderators(actor, group, stored_kind, moderators):
        raise Refused(
            _(
                "Du kan ikke gøre dig selv til moderator af et lukket eller hemmeligt netværk, "
                "du ikke er medlem af. Bed netværkets moderatorer om en invitation."
            )
        )
    if not access.may_change_kind(actor, group, stored_kind, group.kind):
        raise Refused(
            _("Kun netværkets moderatorer eller en administrator kan gøre netværket mere synligt.")
        )
    from_outside = not access.may_moderate(actor, group) if group.pk else True
    group.save()
    previous = set(
        group.memberships.filter(role=MembershipRole.MODERATOR).values_list("user_id", flat=True)
    )
    changes = _set_moderators(group, moderators, previous)
    if stored_kind is not None and stored_kind != group.kind:
        kinds = f"{GroupKind(stored_kind).label} → {group.get_kind_display()}"
        changes.append((ModerationKind.KIND_CHANGED, None, kinds))
    for kind, member, *reason in changes:
        moderation.log(actor, group, kind, member=member, reason="".join(reason))
        if from_outside:
            audit.record(
                AuditEvent.Kind.GROUP_CHANGED_FROM_OUTSIDE,
                subject=member,
                actor=actor,
                group=group.slug,
                change=kind,
                group_kind=group.kind,
            )
    return group


def _set_moderators(group, users, previous):
    """Make `users` the moderators; returns the (log kind, user) of each change."""
    removed = group.memberships.filter(role=MembershipRole.MODERATOR).exclude(user__in=users)
    changes = [(ModerationKind.MODERATOR_REMOVED, m.user) for m in removed.select_related("user")]
    removed.update(role=MembershipRole.MEMBER)
    fragments.group_changed(group.pk)  # an update sends no signal: the moderators list changed
    for user in users:
        membership = Membership.objects.filter(group=group, user=user).first() or Membership(
            group=group, user=user
        )
        membership.role = MembershipRole.MODERATOR
        if not membership.is_active:
            membership.activate()
        membership.save()
        if user.pk not in previous:
            changes.append((ModerationKind.MODERATOR_ADDED, user))
    return changes
