"""An identity provider that cannot be reached gives a Danish page, not a server error.

allauth reads the provider's discovery document when a log-in starts and before the callback's
own error handling, so a connection error there would otherwise escape as a 500.
"""

from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.helpers import render_authentication_error
from requests import RequestException

SINGLE_SIGN_ON_VIEWS = {"openid_connect_login", "openid_connect_callback"}


class ProviderOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        match = request.resolver_match
        if not isinstance(exception, RequestException) or match is None:
            return None
        if match.url_name not in SINGLE_SIGN_ON_VIEWS:
            return None
        provider = get_adapter(request).get_provider(request, match.kwargs["provider_id"])
        response = render_authentication_error(request, provider, exception=exception)
        response.status_code = 503
        return response
