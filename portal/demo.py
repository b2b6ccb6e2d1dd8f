"""The demo site's skeleton: site, home page, footer pages and the demo users of every role."""

from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from portal.models import FooterSettings, HomePage, StandardPage

DEMO_PASSWORD = "Tilsyn-demo-2026"


def child(parent, model, slug, **fields):
    """The child page of `parent` with `slug`, created and published if it does not exist."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


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


def footer_pages(home, accessibility_body, privacy_body):
    accessibility = child(
        home,
        StandardPage,
        "tilgaengelighedserklaering",
        title="Tilgængelighedserklæring",
        summary="Sådan lever Tilsynsportalen op til kravene om digital tilgængelighed.",
        body=accessibility_body,
    )
    privacy = child(
        home,
        StandardPage,
        "privatlivspolitik",
        title="Privatlivspolitik",
        summary="Hvilke personoplysninger portalen behandler, og hvorfor.",
        body=privacy_body,
    )
    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.contact_text = "Bolig- og Planstyrelsen, Center for Bolig"
    footer.contact_email = "tilsyn@bpst.dk"
    footer.contact_phone = "+45 41 71 27 00"
    footer.accessibility_page = accessibility
    footer.privacy_page = privacy
    footer.save()


def user(email, first_name, last_name, *, groups=(), is_superuser=False):
    """A demo user with a verified e-mail address and the shared demo password."""
    from allauth.account.models import EmailAddress

    User = get_user_model()
    account, created = User.objects.get_or_create(
        email=email,
        defaults={
            "username": email,
            "first_name": first_name,
            "last_name": last_name,
            "is_staff": is_superuser,
            "is_superuser": is_superuser,
        },
    )
    if created:
        account.set_password(DEMO_PASSWORD)
        account.save()
    account.groups.add(*groups)
    EmailAddress.objects.update_or_create(
        user=account, email=email, defaults={"verified": True, "primary": True}
    )
    return account
