"""The networks' access policy: who knows a group exists, who reads it, writes in it,
moderates it and plans its meetings; built on the roles (`portal/access.py`). Views, querysets,
notifications, e-mails and exports ask here (`Group.objects.readable_by(user)` and its
siblings)."""

from django.db.models import Q

from network.choices import GroupKind, MembershipRole, MembershipStatus
from portal import roles
from portal.access import has_role, is_administrator, is_styrelse

# Networks. Two questions, answered apart: may the user know a group exists (it is *listed*), and
# may they read its threads and members (it is *readable*). Anyone signed in knows the open and
# closed groups; a secret group is known only to its active and invited members, and to styrelse,
# who create groups and name their moderators. Reading is for active members, and for anyone
# signed in in an open group unless banned from it. Styrelse reads no closed or secret group
# they are not a member of: running the networks is not a licence to read them.


# Reading the networks at all takes the Netværksmedlem role: granted at once for a verified
# address of a municipality's or styrelse's domain, otherwise by an administrator or a group
# moderator (network/admission.py). Styrelse's staff run the networks and count as members.
NETWORK_ROLES = (roles.MEMBER, roles.EDITOR, roles.APPROVER, roles.ADMINISTRATOR)


def is_network_member(user):
    return user.is_authenticated and (has_role(user, roles.MEMBER) or is_styrelse(user))


def network_members(users):
    """`is_network_member` asked of a queryset of users, in the database."""
    with_role = users.model.objects.filter(groups__name__in=NETWORK_ROLES).values("pk")
    return users.filter(Q(pk__in=with_role) | Q(is_superuser=True))


def may_review_membership_requests(user, groups):
    """Administrators and the moderators of any group (among `groups`) admit new members."""
    return is_administrator(user) or moderated_groups(user, groups).exists()


def may_manage_groups(user):
    """Styrelse creates groups, edits them and names their moderators."""
    return is_styrelse(user)


# Naming moderators is not a way in. Styrelse enters a closed or secret group only with its
# moderators' consent (an invitation) or an administrator's decision: an editor or approver who
# is not an active member may neither name themselves its moderator nor open it up (secret to
# closed or open, closed to open). Administrators may, and every change of a group's moderators
# or kind by someone who is not its moderator is written to the group's moderation log and the
# security log (network/memberships.py: save_group).
OPENNESS = {GroupKind.SECRET: 0, GroupKind.CLOSED: 1, GroupKind.OPEN: 2}


def may_enter_uninvited(user, group, stored_kind):
    """May `user` make themselves a moderator of the saved `group`, or open it up?"""
    if stored_kind is None or stored_kind == GroupKind.OPEN:
        return True
    membership = network_membership(user, group)
    return (membership is not None and membership.is_active) or is_administrator(user)


def may_name_moderators(user, group, stored_kind, moderators):
    """Styrelse names moderators; itself among them only as `may_enter_uninvited` allows."""
    if not may_manage_groups(user):
        return False
    return user not in moderators or may_enter_uninvited(user, group, stored_kind)


def may_change_kind(user, group, stored_kind, kind):
    """Making a group more visible than it was takes a member or an administrator."""
    if stored_kind is None or OPENNESS[kind] <= OPENNESS[stored_kind]:
        return True
    return may_moderate(user, group) or is_administrator(user)


def _memberships(user, *statuses):
    return user.network_memberships.filter(status__in=statuses).values("group_id")


def listed_groups(user, queryset):
    """The groups whose existence (name, description, moderators) the user may see."""
    if not user.is_authenticated:
        return queryset.none()
    if may_manage_groups(user):
        return queryset
    if not is_network_member(user):
        return queryset.none()
    return queryset.filter(
        Q(kind__in=[GroupKind.OPEN, GroupKind.CLOSED])
        | Q(pk__in=_memberships(user, MembershipStatus.ACTIVE, MembershipStatus.INVITED))
    )


def readable_groups(user, queryset):
    """The groups whose threads, replies and members the user may read."""
    if not is_network_member(user):
        return queryset.none()
    return queryset.filter(
        (Q(kind=GroupKind.OPEN) & ~Q(pk__in=_memberships(user, MembershipStatus.BANNED)))
        | Q(pk__in=_memberships(user, MembershipStatus.ACTIVE))
    )


def group_readers(group, users):
    """The users among `users` who may read the group: `readable_groups` asked the other way
    round, for choosing whom to notify."""
    users = network_members(users)
    in_group = users.filter(network_memberships__group=group)
    if group.kind == GroupKind.OPEN:
        banned = in_group.filter(network_memberships__status=MembershipStatus.BANNED)
        return users.exclude(pk__in=banned.values("pk"))
    active = in_group.filter(network_memberships__status=MembershipStatus.ACTIVE)
    return users.filter(pk__in=active.values("pk"))


def network_membership(user, group):
    """The user's membership of the group (any status) or None; asked once per request."""
    if not user.is_authenticated:
        return None
    cache = group.__dict__.setdefault("_memberships_by_user", {})
    if user.pk not in cache:
        cache[user.pk] = group.memberships.filter(user=user).first()
    return cache[user.pk]


def may_post(user, group):
    """Writing (threads, replies, edits) is for active members."""
    membership = network_membership(user, group)
    return membership is not None and membership.is_active


def may_moderate(user, group):
    """Moderators are active members with the moderator role, named per group."""
    membership = network_membership(user, group)
    return membership is not None and membership.is_moderator


def may_manage_meetings(user, group):
    """A group's moderators plan its meetings, and so does styrelse, who runs the networks, in
    the groups they may read (a closed or secret group only as a member)."""
    if may_moderate(user, group):
        return True
    return (
        may_manage_groups(user)
        and readable_groups(user, type(group).objects).filter(pk=group.pk).exists()
    )


def may_remove_member(user, membership):
    """A group's moderators remove and ban its members; removing or banning a fellow moderator
    also takes styrelse (who names moderators in the first place)."""
    if not may_moderate(user, membership.group):
        return False
    return membership.role != MembershipRole.MODERATOR or may_manage_groups(user)


def moderated_groups(user, queryset):
    """The groups whose moderation queue and log the user sees."""
    if not user.is_authenticated:
        return queryset.none()
    return queryset.filter(
        memberships__user=user,
        memberships__status=MembershipStatus.ACTIVE,
        memberships__role=MembershipRole.MODERATOR,
    )


def is_author(user, post):
    """Authors edit, delete and withdraw their own posts, and never report them. A post whose
    author was deleted is nobody's, not even a reader without an id."""
    return post.author_id is not None and post.author_id == user.pk


def may_choose_solution(user, thread):
    """A thread's author or a moderator of its group marks the reply that answers it."""
    return is_author(user, thread) or may_moderate(user, thread.group)


def readable_attachments(user, groups, attachments):
    """The attachments among `attachments` of live posts in `groups` (already those the user may
    read); those of a hidden post only for the group's moderators."""
    moderated = moderated_groups(user, groups)
    return attachments.filter(
        Q(thread__group__in=groups, thread__deleted_at=None)
        & (Q(thread__hidden_at=None) | Q(thread__group__in=moderated))
        | Q(reply__thread__group__in=groups, reply__deleted_at=None)
        & (Q(reply__hidden_at=None) | Q(reply__thread__group__in=moderated))
    )
