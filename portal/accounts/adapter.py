import logging
import re
from typing import NamedTuple
from urllib.parse import urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.core.internal.ratelimit import get_ip
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.core.exceptions import ValidationError
from requests import RequestException

from portal import audit
from portal.models import AuditEvent, Municipality, User, Workplace

logger = logging.getLogger(__name__)

# A kommunekode is three digits, often written with a leading zero (0751 and 751 are Aarhus).
KOMMUNEKODE = re.compile(r"\d{3,4}")


class PortalSite(NamedTuple):
    """What allauth's e-mail templates read of a site."""

    name: str
    domain: str


class AccountAdapter(DefaultAccountAdapter):
    """allauth, adapted: failed log-ins count per account and address, lock-outs are audited and
    new users get their municipality suggested."""

    def _get_login_attempts_cache_key(self, request, **credentials):
        """allauth counts failed log-ins per account alone, so anyone could lock a caseworker out
        by guessing from anywhere; counting them per account *and* client address slows the
        guesser and leaves the owner's own address alone. Each address is also limited as such
        (ACCOUNT_RATE_LIMITS["login_failed"])."""
        return f"{super()._get_login_attempts_cache_key(request, **credentials)}:{get_ip(request)}"

    def pre_authenticate(self, request, **credentials):
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            attempted = credentials.get("email") or ""
            audit.record(
                AuditEvent.Kind.LOCKOUT,
                subject=User.objects.filter(email__iexact=attempted).first() if attempted else None,
                request=request,
                attempted=attempted,
            )
            raise

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.username = user.email
        suggest_municipality(user)
        if commit:
            user.save()
        return user

    def send_mail(self, template_prefix, email, context):
        """allauth's e-mails name the portal, and their links lead to its public address
        (BASE_URL), never to the host the request came to. No request is needed: notices such as
        "two-factor added" are sent when the transaction commits, which may be after it."""
        site = PortalSite(
            settings.WAGTAIL_SITE_NAME, urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc
        )
        context = {key: on_public_address(value) for key, value in context.items()}
        context = {"request": allauth_context.request, "email": email, **context}
        self.render_mail(template_prefix, email, {**context, "current_site": site}).send()


def on_public_address(value):
    """An absolute link moved to the portal's public address; any other value as it is."""
    if not isinstance(value, str) or not value.startswith(("http://", "https://")):
        return value
    base, link = urlsplit(settings.WAGTAILADMIN_BASE_URL), urlsplit(value)
    return urlunsplit((base.scheme, base.netloc, link.path, link.query, link.fragment))


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """Users arriving by single sign-on are matched to their municipality.

    The identity provider's municipality claim (its name set by OIDC_MUNICIPALITY_CLAIM, holding a
    kommunekode) wins; otherwise the e-mail domain decides. A role is never taken from the claim:
    caseworker access is still granted by approval.
    """

    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        user.username = user.email
        suggest_municipality(user, claimed_municipality(sociallogin.account.extra_data))
        return user

    def on_authentication_error(
        self, request, provider, error=None, exception=None, extra_context=None
    ):
        """Log every failed single sign-on; an unreachable provider gets its own Danish page."""
        unreachable = isinstance(exception, RequestException)
        logger.warning(
            "Single sign-on through %s failed: %s%s",
            provider.id,
            "provider unreachable, " if unreachable else "",
            type(exception).__name__ if exception else error,
        )
        if extra_context is not None:
            extra_context["provider_unreachable"] = unreachable
        super().on_authentication_error(request, provider, error, exception, extra_context)


def claimed_municipality(extra_data):
    """The municipality named by the provider's claim, read where allauth stores it.

    allauth keeps OpenID Connect data nested as {"userinfo": {...}, "id_token": {...}}; the
    userinfo endpoint is asked first, the ID token second.
    """
    claim = getattr(settings, "OIDC_MUNICIPALITY_CLAIM", "")
    if not claim:
        return None
    for source in ("userinfo", "id_token"):
        code = str((extra_data.get(source) or {}).get(claim) or "").strip()
        if KOMMUNEKODE.fullmatch(code):
            return Municipality.objects.filter(code=int(code)).first()
    return None


def suggest_municipality(user, municipality=None):
    municipality = municipality or Municipality.objects.for_email(user.email).first()
    if municipality is not None:
        user.municipality = municipality
        user.workplace = Workplace.MUNICIPALITY
