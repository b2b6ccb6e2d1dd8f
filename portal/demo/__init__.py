"""The demo site's skeleton: site, home page, footer pages and the demo users of every role,
from `content/`: `home.md` (the home page's fields, its body the intro), `footer.yaml` (the
footer's contact details) and `users.yaml` (the log-ins and an applicant for access).

DEMO ONLY: demo users share one password, and users whose role requires two-factor
authentication get a TOTP secret derived from their e-mail address, printed by `load_demo` so
that a tester can add it to an authenticator app. Never run `load_demo` on a production database.
"""

import base64
import datetime
import functools
import hashlib
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page, Site

from portal import front_matter, roles
from portal.models import FooterSettings, HomePage

DEMO_PASSWORD = "Tilsyn-demo-2026"
CONTENT = Path(__file__).parent / "content"


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
    content = front_matter.read(CONTENT / "home.md")
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(
            title=content.meta["title"],
            slug=content.meta["slug"],
            summary=content.meta["summary"],
            intro=front_matter.rich_text(content.body),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True)
    site.hostname, site.port, site.site_name, site.root_page = (
        "127.0.0.1",
        8000,
        content.meta["site_name"],
        home,
    )
    site.save()
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return home


def set_footer_pages(accessibility, privacy):
    """The footer's contact details and its links to the accessibility statement and privacy
    policy."""
    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in front_matter.data(CONTENT / "footer.yaml").items():
        setattr(footer, name, value)
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


# The demo log-ins `load_demo` prints and the applicant, from `content/users.yaml`.
USERS = front_matter.data(CONTENT / "users.yaml")
DEMO_USERS = USERS["logins"]


def load_users():
    """The demo users of every role; returns (role label, e-mail, demo TOTP secret or "")."""
    from allauth.mfa.models import Authenticator

    from portal.models import AccessRequest, Municipality

    logins = []
    for login in DEMO_USERS:
        fields = user_fields(login)
        account = user(**fields, is_superuser=roles.ADMINISTRATOR in fields["groups"])
        has_totp = Authenticator.objects.filter(user=account, type=Authenticator.Type.TOTP).exists()
        logins.append(
            (login["label"], account.email, demo_totp_secret(account.email) if has_totp else "")
        )
    fields = user_fields(USERS["applicant"])
    motivation = fields.pop("motivation")
    applicant = user(**fields)
    AccessRequest.objects.get_or_create(
        user=applicant,
        status=AccessRequest.Status.PENDING,
        defaults={
            "municipality": Municipality.objects.get(code=fields["municipality"]),
            "motivation": motivation,
        },
    )
    return logins


def user_fields(entry):
    """A demo user's fields from a content file; a role the portal does not have is an error."""
    fields = {name: value for name, value in entry.items() if name != "label"}
    unknown = set(fields["groups"]) - set(roles.INVITABLE)
    if unknown:
        raise ValueError(f"demo user {entry['email']}: unknown roles {sorted(unknown)}")
    return fields
