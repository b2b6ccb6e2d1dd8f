"""Security headers on every response the portal renders (WhiteNoise's static files aside).

- Content-Security-Policy (django-csp): the portal's templates have no inline script or style,
  so its pages get a strict policy. The Wagtail admin still writes inline scripts and styles
  (its editor, choosers and preview), so /admin/ gets the same policy with 'unsafe-inline' for
  those two and may frame itself (the preview panel); only staff with two factors reach it.
- Permissions-Policy: the portal uses no device feature but security keys (WebAuthn).
- Cache-Control: anything that may be personal (a signed-in reader, or a URL that is never
  public) is `private, no-store`, so no shared proxy or browser history keeps it.
"""

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.utils.cache import add_never_cache_headers

ADMIN_PREFIX = "/admin/"
ADMIN_POLICY = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "frame-ancestors": [SELF],
}
PERMISSIONS_POLICY = ", ".join(
    [
        *(
            f"{feature}=()"
            for feature in (
                "accelerometer",
                "camera",
                "display-capture",
                "geolocation",
                "gyroscope",
                "magnetometer",
                "microphone",
                "midi",
                "payment",
                "usb",
            )
        ),
        "publickey-credentials-create=(self)",
        "publickey-credentials-get=(self)",
    ]
)
# Never public, whoever asks: accounts, monitoring, the API, the networks and the admin.
PRIVATE_PREFIXES = ("/konto/", "/monitorering/", "/api/", "/netvaerk/", ADMIN_PREFIX)


def directives(oidc_server_url=None):
    """The portal's policy; a single sign-on provider is a form target (log-in redirects there)."""
    form_targets = [SELF]
    if oidc_server_url:
        scheme, _sep, rest = oidc_server_url.partition("://")
        form_targets.append(f"{scheme}://{rest.split('/')[0]}")
    return {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [
            "https://www.youtube-nocookie.com",
            "https://www.youtube.com",
            "https://player.vimeo.com",
        ],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": form_targets,
        "frame-ancestors": [NONE],
    }


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(ADMIN_PREFIX) and parts.replace is None:
            parts.replace = ADMIN_POLICY
        return parts


class PrivacyHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if is_private(request):
            add_never_cache_headers(response)
        return response


def is_private(request):
    """Signed in (a session cookie: the test the anonymous page cache makes too), or a URL that is
    never public."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES or request.path_info.startswith(
        PRIVATE_PREFIXES
    )
