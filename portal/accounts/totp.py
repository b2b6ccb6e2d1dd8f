"""Two-factor codes are single-use across every worker.

allauth marks a used TOTP code in the cache; with a cache per process (or Redis down) another
worker would take the same code again. Here the time step the code belongs to is also claimed in
the database, whose unique constraint lets exactly one log-in have it.
"""

from allauth.core.internal.cryptokit import compare_user_code
from allauth.mfa.adapter import get_adapter
from allauth.mfa.base.forms import AuthenticateForm, ReauthenticateForm
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from allauth.mfa.utils import decrypt
from django.db import IntegrityError, transaction

from portal.models import UsedTOTPCode


def code_step(authenticator, code, steps):
    """The time step among `steps` whose code this is, or None."""
    secret = decrypt(authenticator.data["secret"])
    for step in steps:
        if compare_user_code(actual=code, expected=format_hotp_value(hotp_value(secret, step))):
            return step
    return None


def claim_code(authenticator, code):
    """True for the first log-in with this code's time step, False for every later one."""
    steps = list(yield_hotp_counters_from_time())
    step = code_step(authenticator, code, steps)
    if step is None:
        return False
    try:
        with transaction.atomic():
            UsedTOTPCode.objects.create(user_id=authenticator.user_id, step=step)
    except IntegrityError:
        return False
    # Steps before the tolerance window can never be used again; keep the table small.
    UsedTOTPCode.objects.filter(user_id=authenticator.user_id, step__lt=steps[0]).delete()
    return True


class SingleUseCodeMixin:
    def clean_code(self):
        code = super().clean_code()
        if self.authenticator.type == Authenticator.Type.TOTP and not claim_code(
            self.authenticator, code
        ):
            self._emit_authentication_failed(self.authenticator)
            raise get_adapter().validation_error("incorrect_code")
        return code


class SingleUseAuthenticateForm(SingleUseCodeMixin, AuthenticateForm):
    pass


class SingleUseReauthenticateForm(SingleUseCodeMixin, ReauthenticateForm):
    pass
