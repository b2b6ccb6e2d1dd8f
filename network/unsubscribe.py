"""Signed one-click unsubscribe links (RFC 8058) for the networks' e-mail.

A token names a user and a scope: all e-mail from the networks, or following one group or one
thread. It is signed with its own salt and expires, so it can be neither forged nor re-aimed.
"""

import datetime
from dataclasses import dataclass

from django.core import signing
from django.db import models
from django.urls import reverse

from network import following
from network.models import EmailOptOut, Group, Thread
from portal.links import public_url
from portal.models import User

SALT = "network.unsubscribe"
MAX_AGE = datetime.timedelta(days=180)


class Scope(models.TextChoices):
    ALL = "all"
    GROUP = "group"
    THREAD = "thread"


TARGET_MODELS = {Scope.GROUP: Group, Scope.THREAD: Thread}


class InvalidLink(Exception):
    """The token is forged, tampered with, expired or names nobody."""


@dataclass
class Unsubscription:
    user: User
    scope: Scope
    target: Group | Thread | None

    def apply(self):
        if self.scope == Scope.ALL:
            EmailOptOut.objects.get_or_create(user=self.user)
        elif self.target is not None:
            following.unfollow(self.user, self.target)


def link(user, scope, target=None):
    token = signing.dumps(
        {"u": user.pk, "s": str(scope), "t": target.pk if target else None}, salt=SALT
    )
    return public_url(reverse("network:unsubscribe", args=[token]))


def read(token):
    """The unsubscription a token stands for; InvalidLink if it cannot be trusted."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
        scope = Scope(data["s"])
        user = User.objects.get(pk=data["u"])
    except (signing.BadSignature, KeyError, TypeError, ValueError, User.DoesNotExist):
        raise InvalidLink from None
    target = None
    if scope in TARGET_MODELS:
        target = TARGET_MODELS[scope].objects.filter(pk=data["t"]).first()
    return Unsubscription(user=user, scope=scope, target=target)
