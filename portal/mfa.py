"""Two-factor authentication is required for editors, approvers, administrators and caseworkers.

allauth offers MFA but cannot require it, so this middleware checks how the session was
authenticated: until such a user has set up MFA and used it in this session, every page except
account management sends them to set it up or to confirm it.
"""

from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from portal import access

# Account management, log-out and static files stay reachable so the user can comply.
EXEMPT_PREFIXES = ("/konto/", "/static/", "/sprog/")
# ...but not the account pages that grant roles: deciding access requests and inviting.
PROTECTED_PREFIXES = ("/konto/adgang/anmodninger/", "/konto/invitationer/")


def is_exempt(path):
    return path.startswith(EXEMPT_PREFIXES) and not path.startswith(PROTECTED_PREFIXES)


def used_mfa(request):
    return any(
        record.get("method") == "mfa"
        for record in get_authentication_records(request, request.user)
    )


class RequireMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_exempt(request.path) and access.requires_mfa(request.user):
            next_query = urlencode({"next": request.get_full_path()})
            if not access.has_second_factor(request.user):
                messages.info(
                    request,
                    _(
                        "Din rolle kræver totrinsbekræftelse. Opsæt en godkender-app for at fortsætte."
                    ),
                )
                return redirect(f"{reverse('mfa_activate_totp')}?{next_query}")
            if not used_mfa(request):
                messages.info(request, _("Bekræft med din godkender-app for at fortsætte."))
                return redirect(f"{reverse('mfa_reauthenticate')}?{next_query}")
        return self.get_response(request)
