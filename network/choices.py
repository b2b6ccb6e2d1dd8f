"""The kinds of group and membership, kept apart from the models so the access policy can name
them without importing models."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class GroupKind(models.TextChoices):
    OPEN = "open", _("Åben")
    CLOSED = "closed", _("Lukket")
    SECRET = "secret", _("Hemmelig")


class MembershipRole(models.TextChoices):
    MEMBER = "member", _("Medlem")
    MODERATOR = "moderator", _("Moderator")


class MembershipStatus(models.TextChoices):
    ACTIVE = "active", _("Aktiv")
    REQUESTED = "requested", _("Har anmodet om medlemskab")
    INVITED = "invited", _("Inviteret")
    REMOVED = "removed", _("Fjernet")
    BANNED = "banned", _("Udelukket")
