"""The portal's access policy: the one place that answers "may this user see or do X".

Views, querysets, search, feeds, exports, e-mails and the API ask here; nothing re-implements a
check. Role membership is read once per user object and kept on it.
"""

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
