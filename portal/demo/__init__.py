"""The demo site's skeleton: site, home page, footer pages and the demo users of every role.

DEMO ONLY: demo users share one password, and users whose role requires two-factor
authentication get a TOTP secret derived from their e-mail address, printed by `load_demo` so
that a tester can add it to an authenticator app. Never run `load_demo` on a production database.
"""

import base64
import datetime
import functools
import hashlib

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page, Site

from portal import roles
from portal.models import FooterSettings, HomePage

DEMO_PASSWORD = "Tilsyn-demo-2026"


def child(parent, model, slug, *, published=None, **fields):
    """The child page of `parent` with `slug`, created and published if it does not exist (first
    published on the date `published`, if given)."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    if published:
        published_on(page, published)
    return page


def published_on(page, first, last=None):
    """Date the page's first (and last) publication, at nine in the morning: a demo loaded today
    shows pages published over the past years, as feeds and listings do."""

    def morning(day):
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))

    type(page).objects.filter(pk=page.pk).update(
        first_published_at=morning(first), last_published_at=morning(last or first)
    )


def home_page():
    """The home page, replacing Wagtail's welcome page as the default site's root."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(
            title="Tilsynsportalen",
            slug="forside",
            summary="Vejledning, netværk og nøgletal for det kommunale tilsyn med almene "
            "boligorganisationer.",
            intro="<p>Bolig- og Planstyrelsen styrker kommunernes tilsyn med de almene "
            "boligorganisationer med vejledning, netværk og en proaktiv monitorering af "
            "nøgletal.</p>",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True)
    site.hostname, site.port, site.site_name, site.root_page = (
        "127.0.0.1",
        8000,
        "Tilsynsportalen",
        home,
    )
    site.save()
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return home


def set_footer_pages(accessibility, privacy):
    """The footer's contact details and its links to the accessibility statement and privacy
    policy."""
    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.contact_text = "Bolig- og Planstyrelsen, Center for Bolig"
    footer.contact_email = "tilsyn@bpst.dk"
    footer.contact_phone = "+45 41 71 27 00"
    footer.accessibility_page = accessibility
    footer.privacy_page = privacy
    footer.save()


@functools.cache
def demo_password_hash():
    """DEMO ONLY: the demo password hashed once per run; hashing it per user would take seconds."""
    return make_password(DEMO_PASSWORD)


def demo_totp_secret(email):
    """DEMO ONLY: a TOTP secret that is the same on every run, so printed log-ins stay valid."""
    digest = hashlib.sha256(f"tilsynsportalen-demo:{email}".encode()).digest()[:20]
    return base64.b32encode(digest).decode("ascii")


def user(
    email,
    first_name,
    last_name,
    *,
    groups=(),
    is_superuser=False,
    municipality=None,
    title="",
    lead=False,
    workplace=None,
):
    """A demo user with a verified e-mail address and the shared demo password.

    `groups` are role names; users whose role requires MFA get the demo TOTP secret. The
    workplace follows from the municipality (none: styrelsen) unless given.
    """
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    from portal import access
    from portal.models import Municipality, Workplace

    User = get_user_model()
    home = Municipality.objects.get(code=municipality) if municipality else None
    account, created = User.objects.get_or_create(
        email=email,
        defaults={
            "username": email,
            "first_name": first_name,
            "last_name": last_name,
            "title": title,
            "is_staff": is_superuser,
            "is_superuser": is_superuser,
            "municipality": home,
            "workplace": workplace or (Workplace.MUNICIPALITY if home else Workplace.STYRELSEN),
            "is_lead_caseworker": lead,
        },
    )
    if created:
        account.password = demo_password_hash()
        account.save(update_fields=["password"])
    account.groups.add(*Group.objects.filter(name__in=groups))
    EmailAddress.objects.update_or_create(
        user=account, email=email, defaults={"verified": True, "primary": True}
    )
    if (
        access.requires_mfa(account)
        and not Authenticator.objects.filter(user=account, type=Authenticator.Type.TOTP).exists()
    ):
        TOTP.activate(account, demo_totp_secret(email))
    return account


# (role label, e-mail, first name, last name, roles, municipality code, title, lead caseworker)
DEMO_USERS = [
    (
        "Styrelsesadministrator",
        "admin@bpst.dk",
        "Anne",
        "Administrator",
        [roles.ADMINISTRATOR],
        None,
        "Systemadministrator",
        False,
    ),
    (
        "Styrelsesredaktør",
        "redaktoer@bpst.dk",
        "Rasmus",
        "Redaktør",
        [roles.EDITOR],
        None,
        "Fuldmægtig",
        False,
    ),
    (
        "Ansvarlig godkender",
        "godkender@bpst.dk",
        "Gitte",
        "Godkender",
        [roles.EDITOR, roles.APPROVER],
        None,
        "Kontorchef",
        False,
    ),
    (
        "Netværksmedlem",
        "medlem@kommune.dk",
        "Mette",
        "Medlem",
        [roles.MEMBER],
        None,
        "Konsulent",
        False,
    ),
    (
        "Sagsbehandler, København (ledende)",
        "sagsbehandler@kk.dk",
        "Karen",
        "Københavner",
        [roles.CASEWORKER, roles.MEMBER],
        101,
        "Specialkonsulent",
        True,
    ),
    (
        "Sagsbehandler, Aarhus",
        "sagsbehandler@aarhus.dk",
        "Anders",
        "Aarhusianer",
        [roles.CASEWORKER, roles.MEMBER],
        751,
        "Sagsbehandler",
        False,
    ),
    (
        "Sagsbehandler, Odense",
        "sagsbehandler@odense.dk",
        "Ole",
        "Odenseaner",
        [roles.CASEWORKER, roles.MEMBER],
        461,
        "Sagsbehandler",
        False,
    ),
    (
        "Sagsbehandler, Læsø",
        "sagsbehandler@laesoe.dk",
        "Lise",
        "Læsøbo",
        [roles.CASEWORKER, roles.MEMBER],
        825,
        "Kommunaldirektør",
        False,
    ),
]


def load_users():
    """The demo users of every role; returns (role label, e-mail, demo TOTP secret or "")."""
    from allauth.mfa.models import Authenticator

    from portal.models import AccessRequest, Municipality

    logins = []
    for label, email, first, last, role_names, municipality, title, lead in DEMO_USERS:
        account = user(
            email,
            first,
            last,
            groups=role_names,
            municipality=municipality,
            title=title,
            lead=lead,
            is_superuser=roles.ADMINISTRATOR in role_names,
        )
        has_totp = Authenticator.objects.filter(user=account, type=Authenticator.Type.TOTP).exists()
        logins.append((label, email, demo_totp_secret(email) if has_totp else ""))
    applicant = user(
        "ny.kollega@kk.dk", "Nikolaj", "Nyansat", groups=[roles.MEMBER], municipality=101
    )
    AccessRequest.objects.get_or_create(
        user=applicant,
        status=AccessRequest.Status.PENDING,
        defaults={
            "municipality": Municipality.objects.get(code=101),
            "motivation": "Jeg er ny i tilsynsenheden og skal forberede årets styringsdialoger.",
        },
    )
    return logins
