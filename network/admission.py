"""Admission to the networks: who gets the Netværksmedlem role, and bans that outlive an account.

A verified address of a municipality's domain or of styrelse's (STYRELSE_EMAIL_DOMAINS) gets the
role at once; anyone else files a MembershipRequest, which an administrator or a group moderator
decides. A group's ban is also kept as a keyed digest of the person's normalised address
(BannedAddress): someone who deletes their account and signs up again with the address is banned
again, visibly, in the group's member list, where a moderator may lift it.
"""

from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed, user_signed_up
from django.conf import settings
from django.contrib.auth.models import Group as Role
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from network import access
from network.choices import MembershipRole, MembershipStatus
from network.models import BannedAddress, Group, Membership, MembershipRequest
from portal import roles
from portal.models import Municipality


class Refused(Exception):
    """A decision the rules forbid; the message says why, in Danish."""


def normalised(email):
    """One form per mailbox: lower case, without a `+tag` in the local part."""
    local, _at, domain = email.strip().lower().rpartition("@")
    return f"{local.split('+', 1)[0]}@{domain}"


def address_digest(email):
    return salted_hmac("network.banned-address", normalised(email)).hexdigest()


def is_trusted_address(email):
    """A municipality's or styrelse's domain."""
    domain = email.rsplit("@", 1)[-1].strip().lower()
    return (
        domain in settings.STYRELSE_EMAIL_DOMAINS or Municipality.objects.for_email(email).exists()
    )


def _grant(user):
    user.groups.add(Role.objects.get(name=roles.MEMBER))
    user.__dict__.pop("_portal_roles", None)  # portal.access keeps the roles it read


@transaction.atomic
def admit(user):
    """Called when the person's address is verified: bans come back, then the role is granted
    or requested."""
    restore_bans(user)
    if access.is_network_member(user):
        return None
    verified = EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True)
    if verified.exists() and is_trusted_address(user.email):
        _grant(user)
        return None
    request, _created = MembershipRequest.objects.get_or_create(user=user)
    return request


@transaction.atomic
def decide(reviewer, membership_request, approve):
    if not access.may_review_membership_requests(reviewer, Group.objects.all()):
        raise Refused(_("Kun administratorer og netværkenes moderatorer afgør anmodninger."))
    membership_request = MembershipRequest.objects.select_for_update().get(pk=membership_request.pk)
    if membership_request.status != MembershipRequest.Status.PENDING:
        raise Refused(_("Anmodningen er allerede afgjort."))
    membership_request.status = (
        MembershipRequest.Status.APPROVED if approve else MembershipRequest.Status.REJECTED
    )
    membership_request.decided_by = reviewer
    membership_request.decided_at = timezone.now()
    membership_request.save()
    if approve:
        _grant(membership_request.user)


def pending_requests():
    return MembershipRequest.objects.filter(status=MembershipRequest.Status.PENDING).select_related(
        "user__municipality"
    )


def remember_ban(membership):
    BannedAddress.objects.get_or_create(
        group_id=membership.group_id, digest=address_digest(membership.user.email)
    )


def forget_ban(membership):
    BannedAddress.objects.filter(
        group_id=membership.group_id, digest=address_digest(membership.user.email)
    ).delete()


def restore_bans(user):
    """The person is banned again from every group that banned their address."""
    for group_id in BannedAddress.objects.filter(digest=address_digest(user.email)).values_list(
        "group_id", flat=True
    ):
        Membership.objects.update_or_create(
            group_id=group_id,
            user=user,
            defaults={"status": MembershipStatus.BANNED, "role": MembershipRole.MEMBER},
        )


@receiver(email_confirmed)
def _address_confirmed(sender, request, email_address, **kwargs):
    if email_address.email.lower() == email_address.user.email.lower():
        admit(email_address.user)


@receiver(user_signed_up)
def _signed_up(sender, request, user, **kwargs):
    """An address verified on arrival (single sign-on) sends no confirmation: admit now."""
    if EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists():
        admit(user)
