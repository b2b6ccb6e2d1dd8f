"""The roles as questions: who someone is (styrelse, a caseworker of which municipality, an
administrator) and what follows from that alone (MFA, deciding access requests).

Each app's access module (`guidance/access.py`, `monitoring/access.py`, `network/access.py`)
builds its rules on these; nothing re-implements a role check. Role membership and whether a
second factor is set up are read once per user object and kept on it; a request's signed-in user
arrives with both (`portal.auth_backends`).
"""

import hashlib

from allauth.mfa.models import Authenticator

from portal import roles


def role_names(user):
    """The names of the user's roles (groups), loaded once per user object."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_portal_roles"):
        user._portal_roles = frozenset(user.groups.values_list("name", flat=True))
    return user._portal_roles


def has_second_factor(user):
    """Whether the user has set up a second factor (allauth's `is_mfa_enabled`), loaded once per
    user object."""
    if not hasattr(user, "_portal_second_factor"):
        user._portal_second_factor = Authenticator.objects.filter(user_id=user.pk).exists()
    return user._portal_second_factor


def role_key(user):
    """A short key for the user's roles (and superuser status): what a cached fragment that
    differs by role is stored under."""
    names = sorted(role_names(user)) + (["superuser"] if user.is_superuser else [])
    return hashlib.sha1("|".join(names).encode()).hexdigest()[:16]


def has_role(user, role):
    return role in role_names(user)


def is_administrator(user):
    return user.is_authenticated and (user.is_superuser or has_role(user, roles.ADMINISTRATOR))


def is_styrelse(user):
    """Styrelsen's own staff: editors, approvers and administrators see the whole country."""
    return is_administrator(user) or bool(role_names(user) & {roles.EDITOR, roles.APPROVER})


def may_edit_content(user):
    """Editing content (pages, snippets, flag rules) is styrelse's work."""
    return is_styrelse(user)


def caseworker_municipality(user):
    """The municipality a caseworker is bound to, or None for anyone else."""
    return user.municipality if caseworker_municipality_id(user) else None


def caseworker_municipality_id(user):
    """The id of `caseworker_municipality(user)`, without loading the municipality."""
    if has_role(user, roles.CASEWORKER) and user.municipality_id:
        return user.municipality_id
    return None


def caseworkers_of(municipality_id, users):
    """The caseworkers of a municipality among `users`: `caseworker_municipality` asked the
    other way round."""
    return users.filter(municipality_id=municipality_id, groups__name=roles.CASEWORKER)


def is_bound_caseworker(user):
    return caseworker_municipality_id(user) is not None


def may_see_monitoring(user):
    """Monitoring is for styrelse and caseworkers; asked by the site header too."""
    return is_styrelse(user) or is_bound_caseworker(user)


def requires_mfa(user):
    return user.is_authenticated and (
        user.is_superuser or bool(role_names(user) & roles.MFA_REQUIRED)
    )


def may_decide_access_requests(user):
    return is_administrator(user) or (user.is_lead_caseworker and is_bound_caseworker(user))


def access_requests_decidable_by(user, queryset):
    """The access requests the user may approve or reject, filtered in the database."""
    if is_administrator(user):
        return queryset
    municipality = caseworker_municipality(user) if user.is_lead_caseworker else None
    if municipality is None:
        return queryset.none()
    return queryset.filter(municipality=municipality).exclude(user=user)
