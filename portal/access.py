"""The portal's access policy: the one place that answers "may this user see or do X".

Views, querysets, search, feeds, exports, e-mails and the API ask here; nothing re-implements a
check. Role membership is read once per user object and kept on it.
"""

from django.db.models import Q

from network.choices import GroupKind, MembershipRole, MembershipStatus
from portal import roles


def role_names(user):
    """The names of the user's roles (groups), loaded once per user object."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_portal_roles"):
        user._portal_roles = frozenset(user.groups.values_list("name", flat=True))
    return user._portal_roles


def has_role(user, role):
    return role in role_names(user)


def is_administrator(user):
    return user.is_authenticated and (user.is_superuser or has_role(user, roles.ADMINISTRATOR))


def is_styrelse(user):
    """Styrelsen's own staff: editors, approvers and administrators see the whole country."""
    return is_administrator(user) or bool(role_names(user) & {roles.EDITOR, roles.APPROVER})


def may_edit_content(user):
    return is_administrator(user) or bool(role_names(user) & {roles.EDITOR, roles.APPROVER})


def caseworker_municipality(user):
    """The municipality a caseworker is bound to, or None for anyone else."""
    if has_role(user, roles.CASEWORKER) and user.municipality_id:
        return user.municipality
    return None


def may_see_monitoring(user):
    return is_styrelse(user) or caseworker_municipality(user) is not None


def requires_mfa(user):
    return user.is_authenticated and (
        user.is_superuser or bool(role_names(user) & roles.MFA_REQUIRED)
    )


def may_decide_access_requests(user):
    return is_administrator(user) or (
        user.is_lead_caseworker and caseworker_municipality(user) is not None
    )


def access_requests_decidable_by(user, queryset):
    """The access requests the user may approve or reject, filtered in the database."""
    if is_administrator(user):
        return queryset
    municipality = caseworker_municipality(user) if user.is_lead_caseworker else None
    if municipality is None:
        return queryset.none()
    return queryset.filter(municipality=municipality).exclude(user=user)


def visible_organisations(user, queryset):
    """Monitoring: styrelse sees every organisation, a caseworker those their municipality
    supervises (the tilsynskommune), anyone else none."""
    if is_styrelse(user):
        return queryset
    municipality = caseworker_municipality(user)
    if municipality is None:
        return queryset.none()
    return queryset.filter(supervising_municipality_id=municipality.pk)


def visible_estates(user, queryset):
    """The estates of the organisations the user may see."""
    if is_styrelse(user):
        return queryset
    municipality = caseworker_municipality(user)
    if municipality is None:
        return queryset.none()
    return queryset.filter(organisation__supervising_municipality_id=municipality.pk)


def located_estates(user, queryset):
    """Estates lying in a caseworker's municipality but supervised elsewhere: read-only context
    for the beliggenhedskommune (their organisations' pages stay hidden)."""
    municipality = caseworker_municipality(user)
    if municipality is None:
        return queryset.none()
    return queryset.filter(municipality_id=municipality.pk).exclude(
        organisation__supervising_municipality_id=municipality.pk
    )


def visible_flags(user, queryset):
    """Flags of the organisations (and their estates) the user may see."""
    if is_styrelse(user):
        return queryset
    municipality = caseworker_municipality(user)
    if municipality is None:
        return queryset.none()
    return queryset.filter(organisation__supervising_municipality_id=municipality.pk)


def may_follow_up(user, organisation):
    """Following up flags is the supervising municipality's work: its caseworkers change status,
    assignment and notes; styrelse reads."""
    municipality = caseworker_municipality(user)
    return municipality is not None and municipality.pk == organisation.supervising_municipality_id


# Networks. Two questions, answered apart: may the user know a group exists (it is *listed*), and
# may they read its threads and members (it is *readable*). Anyone signed in knows the open and
# closed groups; a secret group is known only to its active and invited members, and to styrelse,
# who create groups and name their moderators. Reading is for active members, and for anyone
# signed in in an open group unless banned from it. Styrelse reads no closed or secret group
# they are not a member of: running the networks is not a licence to read them.


def may_manage_groups(user):
    """Styrelse creates groups, edits them and names their moderators."""
    return is_styrelse(user)


def _memberships(user, *statuses):
    return user.network_memberships.filter(status__in=statuses).values("group_id")


def listed_groups(user, queryset):
    """The groups whose existence (name, description, moderators) the user may see."""
    if not user.is_authenticated:
        return queryset.none()
    if may_manage_groups(user):
        return queryset
    return queryset.filter(
        Q(kind__in=[GroupKind.OPEN, GroupKind.CLOSED])
        | Q(pk__in=_memberships(user, MembershipStatus.ACTIVE, MembershipStatus.INVITED))
    )


def readable_groups(user, queryset):
    """The groups whose threads, replies and members the user may read."""
    if not user.is_authenticated:
        return queryset.none()
    return queryset.filter(
        (Q(kind=GroupKind.OPEN) & ~Q(pk__in=_memberships(user, MembershipStatus.BANNED)))
        | Q(pk__in=_memberships(user, MembershipStatus.ACTIVE))
    )


def group_readers(group, users):
    """The users among `users` who may read the group: `readable_groups` asked the other way
    round, for choosing whom to notify."""
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
