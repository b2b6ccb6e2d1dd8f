"""A new e-mail address counts only once its owner has confirmed it.

An administrator who types a new address in the user editor only proposes it: allauth sends a
confirmation to the new address, the old one stays primary (and keeps receiving password resets)
until then, and both steps are written to the security log. Otherwise changing the address and
asking for a password reset would take the account.
"""

from allauth.account.models import EmailAddress
from allauth.account.signals import email_changed
from django.dispatch import receiver

from portal import audit
from portal.models import AuditEvent


def propose_email(request, user, new_email):
    """Send a confirmation to `new_email`; the user's address changes when it is confirmed."""
    EmailAddress.objects.add_new_email(request, user, new_email)
    audit.record(
        AuditEvent.Kind.EMAIL_CHANGE_REQUESTED,
        subject=user,
        request=request,
        old_email=user.email,
        new_email=new_email.lower(),
    )


@receiver(email_changed)
def _email_changed(sender, request, user, from_email_address, to_email_address, **kwargs):
    """allauth has made the confirmed address primary; the log-in name follows it."""
    user.username = user.email
    user.save(update_fields=["username"])
    audit.record(
        AuditEvent.Kind.EMAIL_CHANGED,
        subject=user,
        request=request,
        old_email=from_email_address.email if from_email_address else "",
        new_email=to_email_address.email,
    )
