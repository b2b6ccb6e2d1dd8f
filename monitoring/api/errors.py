"""Error responses: a Danish `detail` for people and an English `code` for programs."""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, ValidationError


def error(api, request, status, code, detail, **extra):
    return api.create_response(request, {"code": code, "detail": detail, **extra}, status=status)


def register_error_handlers(api):
    @api.exception_handler(AuthenticationError)
    def not_authenticated(request, exc):
        return error(api, request, 401, "not_authenticated", _("Log ind for at bruge API'et."))

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return error(api, request, 404, "not_found", _("Findes ikke."))

    @api.exception_handler(ValidationError)
    def invalid(request, exc):
        # Pydantic's messages are English; the location and type say what is wrong.
        errors = [{"loc": list(e.get("loc", ())), "type": e.get("type", "")} for e in exc.errors]
        return error(
            api, request, 422, "invalid_parameters", _("Ugyldige parametre."), errors=errors
        )
