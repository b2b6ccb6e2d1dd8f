from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail import views as wagtail_views

from portal import routing


def choose_language(request, language):
    """Store the reader's interface language in a cookie and go back to where they were."""
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    if language in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=365 * 24 * 60 * 60,
            secure=request.is_secure(),
            samesite="Lax",
        )
    return response


def serve_page(request, path):
    """Wagtail's page view, with the site and its root paths from memory (portal/routing.py)."""
    routing.prepare(request)
    return wagtail_views.serve(request, path)
