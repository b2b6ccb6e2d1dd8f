"""A demo group and its memberships, created when missing.

A group spec is a dict: slug, name, kind, description, created_by (a handle), days_ago, and the
handles of its people by relation: moderators, members, requested, invited, removed, banned.
"""

from datetime import timedelta

from network.choices import MembershipRole, MembershipStatus
from network.models import Group, Membership

RELATIONS = {
    "moderators": (MembershipRole.MODERATOR, MembershipStatus.ACTIVE),
    "members": (MembershipRole.MEMBER, MembershipStatus.ACTIVE),
    "requested": (MembershipRole.MEMBER, MembershipStatus.REQUESTED),
    "invited": (MembershipRole.MEMBER, MembershipStatus.INVITED),
    "removed": (MembershipRole.MEMBER, MembershipStatus.REMOVED),
    "banned": (MembershipRole.MEMBER, MembershipStatus.BANNED),
}


def load_group(spec, people, now):
    """The group with the spec's slug and the memberships it lacks; existing ones are kept as
    they are, since a visitor may have changed them."""
    created = now - timedelta(days=spec["days_ago"])
    group, _created = Group.objects.get_or_create(
        slug=spec["slug"],
        defaults={
            "name": spec["name"],
            "kind": spec["kind"],
            "description": spec["description"],
            "created_by": people[spec["created_by"]],
            "created": created,
        },
    )
    present = set(group.memberships.values_list("user_id", flat=True))
    handles = [(relation, h) for relation in RELATIONS for h in spec.get(relation, ())]
    new = []
    for position, (relation, handle) in enumerate(handles):
        user = people[handle]
        if user.pk in present:
            continue
        role, status = RELATIONS[relation]
        # Members join in the group's first days, before its first thread; requests,
        # invitations, removals and bans are recent.
        if status == MembershipStatus.ACTIVE:
            since = created + timedelta(hours=5 * position)
        else:
            since = now - timedelta(days=2 + 3 * position % 20, hours=position)
        new.append(
            Membership(
                group=group,
                user=user,
                role=role,
                status=status,
                joined_at=since if status == MembershipStatus.ACTIVE else None,
                created=since,
            )
        )
    Membership.objects.bulk_create(new)
    return group
