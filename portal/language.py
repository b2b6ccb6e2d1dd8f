"""The interface language: Danish unless the reader has chosen English on the site.

Django's LocaleMiddleware would follow the browser's Accept-Language; a Danish public site
answers in Danish by default, so only the explicit choice (the language cookie) counts. The
admin is Danish for everyone: Wagtail follows the active language for editors who have chosen
none, so the site's cookie does not reach it.
"""

from django.conf import settings
from django.utils import translation

ADMIN_PREFIX = "/admin/"


def chosen_language(request):
    if request.path.startswith(ADMIN_PREFIX):
        return settings.LANGUAGE_CODE
    language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class CookieLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = chosen_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response
