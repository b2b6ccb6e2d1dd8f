"""Django's and allauth's authentication backends, reading a signed-in request's user in one query.

`get_user` runs once for every signed-in request. Django's reads the user alone; the first role
check and the two-factor check then cost a query each. Here one statement reads the user, one
row per role, and whether they have a second factor, afresh on every request, so a revoked role
or a deactivated user counts on the next one. Its SQL is written once per process and its row
made a user without the ORM's query machinery: compiling the same query through the ORM, or
reading it as a raw queryset, on every request cost more than the query.
"""

import functools

from allauth.account import auth_backends as allauth_backends
from allauth.mfa.models import Authenticator
from django.contrib.auth import backends, get_user_model
from django.contrib.auth.models import Group
from django.db import DEFAULT_DB_ALIAS, connection


class SignedInUserMixin:
    def get_user(self, user_id):
        User = get_user_model()
        with connection.cursor() as cursor:
            cursor.execute(signed_in_user_sql(), [user_id])
            rows = cursor.fetchall()
        if not rows:
            return None
        fields = len(rows[0]) - 2
        user = User.from_db(
            DEFAULT_DB_ALIAS, _user_attnames(User), _converted(User, rows[0][:fields])
        )
        if not self.user_can_authenticate(user):
            return None
        user._portal_roles = frozenset(row[fields] for row in rows if row[fields])
        user._portal_second_factor = bool(rows[0][fields + 1])
        return user


@functools.cache
def _user_attnames(User):
    return [field.attname for field in User._meta.concrete_fields]


@functools.cache
def _converters(User):
    """[(position, converters, column)] of the user's fields whose database values the ORM
    converts (SQLite's booleans and dates, JSON)."""
    found = []
    for n, field in enumerate(User._meta.concrete_fields):
        column = field.get_col(User._meta.db_table)
        converters = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
        if converters:
            found.append((n, converters, column))
    return found


def _converted(User, values):
    """The row's values as the ORM would read them."""
    values = list(values)
    for n, converters, column in _converters(User):
        for convert in converters:
            values[n] = convert(values[n], column, connection)
    return values


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
