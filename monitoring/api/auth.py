"""Who may call the API: a portal session, or a Wagtail API token, of a monitoring user.

Sessions pass portal.mfa.RequireMFAMiddleware before they get here, so a caseworker or editor
who has not confirmed two-factor authentication in this session is sent to do so.

A token (`Authorization: Bearer wagtail_…`, made with `manage.py api_tokens create`) is a
separate, revocable credential that never passes through a log-in, so the middleware cannot
ask it for a second factor. It is accepted only for users who have set up two-factor
authentication when their role requires it: a user the portal would not let in without
enrolling cannot side-step enrolment with a token.

Signed-in users without monitoring access get 404, as on the monitoring pages.
"""

from allauth.mfa.utils import is_mfa_enabled
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from ninja.security import SessionAuth
from wagtail.api.v3.auth import BearerTokenAuth

from portal import access


def admitted(user):
    if not access.may_see_monitoring(user):
        raise Http404
    return user


class TokenAuth(BearerTokenAuth):
    def authenticate(self, request, token):
        api_token = super().authenticate(request, token)
        if api_token is None:
            return None
        if access.requires_mfa(request.user) and not is_mfa_enabled(request.user):
            request.user = AnonymousUser()
            return None
        admitted(request.user)
        return api_token


class PortalSessionAuth(SessionAuth):
    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        return admitted(user) if user is not None else None


# Order matters: a request carrying a token is judged by the token alone.
auth = [TokenAuth(), PortalSessionAuth()]
