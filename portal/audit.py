"""Writes security events to the audit log (AuditEvent), which administrators read in the admin.

The request being served is kept in a context variable so that events raised by signals know the
acting user and the client address (as allauth determines it, honouring trusted proxies only).
Events of requests that only read (who viewed or exported what) are written alongside the page
(`record_alongside`, `portal/audit_writer.py`), and the response waits for them here.
"""

import contextvars

from allauth.account.adapter import get_adapter
from allauth.mfa.signals import authenticator_added, authenticator_removed
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.core.exceptions import PermissionDenied
from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from portal import audit_writer
from portal.models import AuditEvent, User

_current_request = contextvars.ContextVar("portal_audit_request", default=None)
# The writes `record_alongside` started for the request being served.
_pending = contextvars.ContextVar("portal_audit_pending", default=None)


class AuditContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token, pending = _current_request.set(request), _pending.set([])
        try:
            response = self.get_response(request)
            audit_writer.wait_for(_pending.get())
            return response
        finally:
            _current_request.reset(token)
            _pending.reset(pending)


def record(kind, *, subject=None, actor=None, request=None, **details):
    event = _event(kind, subject, actor, request, details)
    event.save(force_insert=True)
    return event


def record_alongside(kind, *, subject=None, actor=None, request=None, **details):
    """`record` for a request that writes nothing else: the event is written on a connection
    of its own while the page is built, and the response waits for it. Elsewhere (no request
    being served, a transaction, SQLite) it is written at once, as `record` does."""
    event = _event(kind, subject, actor, request, details)
    pending = _pending.get()
    if pending is None or not audit_writer.can_write_alongside():
        event.save(force_insert=True)
    else:
        audit_writer.wait_for(pending)  # one statement at a time on the side connection
        pending[:] = [audit_writer.send(event)]


def _event(kind, subject, actor, request, details):
    """The unsaved event, with the acting user and client address of the request."""
    request = request or _current_request.get()
    ip_address = None
    if request is not None:
        try:
            ip_address = get_adapter(request).get_client_ip(request)
        except PermissionDenied:
            # No client address (force_login, a request built in code): record the event anyway.
            pass
        user = getattr(request, "user", None)
        if actor is None and user is not None and user.is_authenticated:
            actor = user
    return AuditEvent(
        kind=kind, subject=subject, actor=actor, ip_address=ip_address, details=details
    )


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs):
    record(AuditEvent.Kind.LOGIN, subject=user, actor=user, request=request)


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        record(AuditEvent.Kind.LOGOUT, subject=user, actor=user, request=request)


@receiver(user_login_failed)
def _login_failed(sender, credentials, request=None, **kwargs):
    attempted = credentials.get("email") or credentials.get("username") or ""
    record(
        AuditEvent.Kind.LOGIN_FAILED,
        subject=User.objects.filter(email__iexact=attempted).first(),
        request=request,
        attempted=attempted,
    )


@receiver(authenticator_added)
def _mfa_added(sender, request, user, authenticator, **kwargs):
    record(AuditEvent.Kind.MFA_ADDED, subject=user, request=request, type=authenticator.type)


@receiver(authenticator_removed)
def _mfa_removed(sender, request, user, authenticator, **kwargs):
    record(AuditEvent.Kind.MFA_REMOVED, subject=user, request=request, type=authenticator.type)


@receiver(m2m_changed, sender=User.groups.through)
def _roles_changed(sender, instance, action, pk_set, reverse, model, **kwargs):
    if action not in ("post_add", "post_remove") or not pk_set:
        return
    kind = AuditEvent.Kind.ROLE_GRANTED if action == "post_add" else AuditEvent.Kind.ROLE_REVOKED
    if reverse:
        # group.user_set.add(...): instance is the group, pk_set holds users.
        for user in User.objects.filter(pk__in=pk_set):
            record(kind, subject=user, role=instance.name)
    else:
        for name in model.objects.filter(pk__in=pk_set).values_list("name", flat=True):
            record(kind, subject=instance, role=name)
