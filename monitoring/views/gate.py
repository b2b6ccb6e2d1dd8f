"""Who reaches the monitoring pages, and which municipality a page is about."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404

from portal import access
from portal.models import Municipality


def monitoring_view(view):
    """Anonymous readers log in; signed-in users without monitoring access get 404."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not access.may_see_monitoring(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


def styrelse_view(view):
    """Pages about the whole country: styrelse only."""

    @wraps(view)
    @monitoring_view
    def wrapped(request, *args, **kwargs):
        if not access.is_styrelse(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


def chosen_municipality(request):
    """A caseworker's own municipality; for styrelse the one chosen with ?kommune=CODE, or None."""
    own = access.caseworker_municipality(request.user)
    if own is not None or not access.is_styrelse(request.user):
        return own
    code = request.GET.get("kommune", "")
    if not code.isdigit():
        return None
    return get_object_or_404(Municipality, code=int(code))
