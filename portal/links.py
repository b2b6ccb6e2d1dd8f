"""Links in e-mails lead to the portal's public address (BASE_URL), whatever host a request came
to."""

from django.conf import settings


def public_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
