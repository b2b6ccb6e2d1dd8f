"""Django's and allauth's authentication backends, reading a signed-in request's user in one query.

`get_user` runs once for every signed-in request. Django's reads the user alone; the first role
check and the two-factor check then cost a query each. Here one statement reads the user, one
row per role, and whether they have a second factor, afresh on every request, so a revoked role
or a deactivated user counts on the next one. Its SQL is written once per process: compiling the
same query through the ORM on every request cost more than the query.
"""

import functools

from allauth.account import auth_backends as allauth_backends
from allauth.mfa.models import Authenticator
from django.contrib.auth import backends, get_user_model
from django.contrib.auth.models import Group
from django.db import connection


class SignedInUserMixin:
    def get_user(self, user_id):
        rows = list(get_user_model()._default_manager.raw(signed_in_user_sql(), [user_id]))
        if not rows or not self.user_can_authenticate(rows[0]):
            return None
        user = rows[0]
        user._portal_roles = frozenset(row.portal_role for row in rows if row.portal_role)
        user._portal_second_factor = bool(user.portal_second_factor)
        return user


@functools.cache
def signed_in_user_sql():
    """The user with primary key %s, in one row per role (a row with no role when they have none)."""
    User = get_user_model()
    through = User.groups.through._meta
    name = connection.ops.quote_name

    def column(meta, field):
        return name(meta.get_field(field).column)

    columns = ", ".join(f"u.{name(field.column)}" for field in User._meta.concrete_fields)
    authenticators = Authenticator._meta
    return (
        f"SELECT {columns}, g.{column(Group._meta, 'name')} AS portal_role, EXISTS ("
        f"SELECT 1 FROM {name(authenticators.db_table)} a"
        f" WHERE a.{column(authenticators, 'user')} = u.{name(User._meta.pk.column)}"
        f") AS portal_second_factor FROM {name(User._meta.db_table)} u"
        f" LEFT JOIN {name(through.db_table)} ug"
        f" ON ug.{column(through, 'user')} = u.{name(User._meta.pk.column)}"
        f" LEFT JOIN {name(Group._meta.db_table)} g"
        f" ON g.{name(Group._meta.pk.column)} = ug.{column(through, 'group')}"
        f" WHERE u.{name(User._meta.pk.column)} = %s"
    )


class ModelBackend(SignedInUserMixin, backends.ModelBackend):
    pass


class AuthenticationBackend(SignedInUserMixin, allauth_backends.AuthenticationBackend):
    pass
