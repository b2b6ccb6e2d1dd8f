"""Everything the portal stores about a person: for "download my data" and "delete my account".

Each app registers what it holds about a user, the files the user uploaded, and how to erase it;
the profile's download collects them all, and deleting the account runs every eraser.
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from portal.models import AccessRequest, AuditEvent, Invitation

_exporters = []
_erasers = []
_file_sources = []
_titles = {}


def register_exporter(label, function, title=None):
    """Register `function(user) -> JSON-serialisable data` under `label` in the data download,
    headed `title` in its readable summary."""
    _exporters.append((label, function))
    if title:
        _titles[label] = title


def register_files(function):
    """Register `function(user) -> [(path in the download, stored file)]`: files the person
    uploaded, put in the download as they are."""
    _file_sources.append(function)


def title(label):
    """The heading of a part of the download, for its readable summary."""
    return _titles.get(label) or label.replace("_", " ").capitalize()


def files(user):
    for function in _file_sources:
        yield from function(user)


def register_eraser(function):
    """Register `function(user)`, run when the person deletes their account, before the
    profile itself is erased."""
    _erasers.append(function)


def export(user):
    data = {
        "profil": {
            "e-mail": user.email,
            "fornavn": user.first_name,
            "efternavn": user.last_name,
            "stilling": user.title,
            "telefon": user.phone,
            "arbejdsplads": user.get_workplace_display(),
            "kommune": user.municipality.name if user.municipality_id else None,
            "ledende_sagsbehandler": user.is_lead_caseworker,
            "notifikationer": user.get_notification_frequency_display(),
            "oprettet": user.date_joined.isoformat(),
            "sidste_log_ind": user.last_login.isoformat() if user.last_login else None,
        },
        "roller": list(user.groups.values_list("name", flat=True)),
        "e-mailadresser": [
            {"e-mail": e.email, "bekræftet": e.verified, "primær": e.primary}
            for e in EmailAddress.objects.filter(user=user)
        ],
        "totrinsbekræftelse": [
            {"type": a.type, "oprettet": a.created_at.isoformat()}
            for a in Authenticator.objects.filter(user=user)
        ],
        "adgangsanmodninger": [
            {
                "kommune": r.municipality.name,
                "begrundelse": r.motivation,
                "status": r.get_status_display(),
                "oprettet": r.created_at.isoformat(),
            }
            for r in AccessRequest.objects.filter(user=user).select_related("municipality")
        ],
        "sikkerhedslog": [
            {
                "tidspunkt": e.created_at.isoformat(),
                "hændelse": e.get_kind_display(),
                # The address of whoever acted: shown only when that was the person themself
                # (or nobody signed in), never a staff member's who decided about them.
                "ip": e.ip_address if e.actor_id in (None, user.pk) else None,
            }
            for e in AuditEvent.objects.filter(subject=user)
        ],
    }
    for label, function in _exporters:
        data[label] = function(user)
    return data


@transaction.atomic
def erase(user):
    """Erase the person's data; what they wrote stays, attributed to "Slettet bruger"."""
    for function in _erasers:
        function(user)
    addresses = known_addresses(user)
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    AccessRequest.objects.filter(user=user).delete()
    # Events about the person, and those naming any address they had without linking them (an
    # invitation sent, a failed log-in before the account existed or after an address change),
    # lose their details.
    naming = Q(subject=user)
    for address in addresses:
        naming |= Q(details__email__iexact=address) | Q(details__attempted__iexact=address)
    AuditEvent.objects.filter(naming).update(details={})
    invited = Q(accepted_by=user)
    for address in addresses:
        invited |= Q(email__iexact=address)
    Invitation.objects.filter(invited).delete()
    user.groups.clear()
    user.email = f"slettet-{user.pk}@invalid.tilsynsportalen.dk"
    user.username = user.email
    user.first_name = user.last_name = user.title = user.phone = ""
    user.municipality = None
    user.is_lead_caseworker = False
    user.is_active = False
    user.is_staff = user.is_superuser = False
    user.deleted_at = timezone.now()
    user.set_unusable_password()
    user.save()


# Where the security log keeps an address the person had: their address now, one still being
# verified, or one they changed from (AuditEvent.Kind.EMAIL_CHANGE_REQUESTED).
ADDRESS_DETAILS = ("email", "attempted", "old_email", "new_email")


def known_addresses(user):
    """Every e-mail address the portal knows the person has had, lower-cased."""
    addresses = {user.email}
    addresses.update(EmailAddress.objects.filter(user=user).values_list("email", flat=True))
    for details in AuditEvent.objects.filter(subject=user).values_list("details", flat=True):
        addresses.update(str(details[key]) for key in ADDRESS_DETAILS if details.get(key))
    return {address.lower() for address in addresses if address}
