"""Readers report posts to the group's moderators; one open report per reader and post."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from network import access
from network.models import Report
from network.moderation import post_fields, thread_of


class Refused(Exception):
    """A report the rules forbid; the message tells the reader why, in Danish."""


class AlreadyReported(Exception):
    """The reader's earlier report of the post is still open."""


def report(reporter, post, *, reason, details=""):
    """File a report; the caller has already found the post readable by the reporter."""
    if access.is_author(reporter, post):
        raise Refused(_("Du kan ikke anmelde dit eget indlæg."))
    if post.is_deleted:
        raise Refused(_("Indlægget er slettet."))
    if post.is_hidden:
        raise Refused(_("Indlægget er allerede skjult af en moderator."))
    try:
        with transaction.atomic():
            return Report.objects.create(
                group_id=thread_of(post).group_id,
                reporter=reporter,
                reason=reason,
                details=details,
                **post_fields(post),
            )
    except IntegrityError:
        raise AlreadyReported from None
