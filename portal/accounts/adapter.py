from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.core.exceptions import ValidationError

from portal import audit
from portal.models import AuditEvent, Municipality, User, Workplace


class AccountAdapter(DefaultAccountAdapter):
    """allauth, adapted: lock-outs are audited and new users get their municipality suggested."""

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


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """Users arriving by single sign-on are matched to their municipality.

    The identity provider's municipality claim (its name set by OIDC_MUNICIPALITY_CLAIM, holding a
    kommunekode) wins; otherwise the e-mail domain decides. A role is never taken from the claim:
    caseworker access is still granted by approval.
    """

    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        user.username = user.email
        claim = getattr(settings, "OIDC_MUNICIPALITY_CLAIM", "")
        code = sociallogin.account.extra_data.get(claim) if claim else None
        municipality = Municipality.objects.filter(code=code).first() if code else None
        suggest_municipality(user, municipality)
        return user


def suggest_municipality(user, municipality=None):
    municipality = municipality or Municipality.objects.for_email(user.email).first()
    if municipality is not None:
        user.municipality = municipality
        user.workplace = Workplace.MUNICIPALITY
