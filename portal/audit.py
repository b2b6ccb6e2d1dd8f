"""Writes security events to the audit log (AuditEvent), which administrators read in the admin.

The request being served is kept in a context variable so that events raised by signals know the
acting user and the client address (as allauth determines it, honouring trusted proxies only).
"""

import contextvars

from allauth.account.adapter import get_adapter
from allauth.mfa.signals import authenticator_added, authenticator_removed
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.core.exceptions import PermissionDenied
from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from portal.models import AuditEvent, User

_current_request = contextvars.ContextVar("portal_audit_request", default=None)


class AuditContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)


def record(kind, *, subject=None, actor=None, request=None, **details):
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
    return AuditEvent.objects.create(
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
