"""Invitations by e-mail with a role: signed, expiring links; applied when the person signs up."""

import datetime

from allauth.account.signals import email_confirmed
from django.contrib.auth.models import Group
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import audit, roles
from portal.links import public_url
from portal.models import AuditEvent, Invitation

SALT = "portal.invitation"
MAX_AGE = 14 * 24 * 60 * 60


def token_for(invitation):
    return signing.TimestampSigner(salt=SALT).sign(str(invitation.pk))


def send(invitation, invited_by):
    """Save the invitation (from its form, unsaved), e-mail its link after the commit and note
    it in the audit log."""
    invitation.invited_by = invited_by
    invitation.save()
    link = public_url(reverse("accept_invitation", args=[token_for(invitation)]))
    body = render_to_string(
        "portal/accounts/email/invitation.txt", {"invitation": invitation, "link": link}
    )
    transaction.on_commit(
        lambda: send_mail(_("Invitation til Tilsynsportalen"), body, None, [invitation.email])
    )
    audit.record(AuditEvent.Kind.INVITATION_SENT, email=invitation.email, role=invitation.role)
    return invitation


def invitation_for_token(token):
    """The open invitation the token names, or None if it is forged, expired or used."""
    try:
        pk = signing.TimestampSigner(salt=SALT).unsign(token, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    return Invitation.objects.filter(pk=pk, accepted_at__isnull=True).first()


@transaction.atomic
def accept(invitation, user):
    """Give the user the invited role (and municipality); only for the invited e-mail address."""
    if user.email.lower() != invitation.email.lower():
        return False
    if invitation.role == roles.CASEWORKER and invitation.municipality_id:
        user.municipality = invitation.municipality
        user.save(update_fields=["municipality"])
    user.groups.add(Group.objects.get(name=invitation.role))
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return True


def apply_pending_invitations(user):
    """Accept the open, unexpired invitations to the user's (now verified) e-mail address."""
    open_invitations = Invitation.objects.filter(
        email__iexact=user.email,
        accepted_at__isnull=True,
        created_at__gte=timezone.now() - datetime.timedelta(seconds=MAX_AGE),
    )
    for invitation in open_invitations:
        accept(invitation, user)


@receiver(email_confirmed)
def _email_confirmed(sender, request, email_address, **kwargs):
    if email_address.email.lower() == email_address.user.email.lower():
        apply_pending_invitations(email_address.user)
