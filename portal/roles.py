"""The portal's roles. Each is a Django group with a Danish name, managed by administrators."""

from django.utils.translation import gettext_lazy as _

MEMBER = "Netværksmedlem"
CASEWORKER = "Kommunal sagsbehandler"
EDITOR = "Styrelsesredaktør"
APPROVER = "Ansvarlig godkender"
ADMINISTRATOR = "Styrelsesadministrator"

ROLE_DESCRIPTIONS = {
    MEMBER: _("Læser vejledning og deltager i netværk."),
    CASEWORKER: _("Ser monitoreringen af de boligorganisationer, kommunen fører tilsyn med."),
    EDITOR: _("Skriver indhold og definerer flagregler; indhold godkendes før udgivelse."),
    APPROVER: _("Godkender og udgiver indhold, som redaktører har indsendt."),
    ADMINISTRATOR: _("Administrerer brugere, roller og anmodninger om adgang."),
}

# Roles that can change content or see monitoring data: they must use two-factor authentication.
MFA_REQUIRED = frozenset({CASEWORKER, EDITOR, APPROVER, ADMINISTRATOR})

# Roles an administrator may grant by invitation.
INVITABLE = (MEMBER, CASEWORKER, EDITOR, APPROVER, ADMINISTRATOR)


def install_groups(Group):
    """Create the role groups that do not exist yet (usable from migrations and fixtures)."""
    for name in (MEMBER, CASEWORKER, EDITOR, APPROVER, ADMINISTRATOR):
        Group.objects.get_or_create(name=name)
