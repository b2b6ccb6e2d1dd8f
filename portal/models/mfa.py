from django.conf import settings
from django.db import models


class UsedTOTPCode(models.Model):
    """A TOTP time step a user has logged in with: the database makes each code single-use
    across every worker, where a per-process cache could not."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    step = models.BigIntegerField()
    used_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "step"], name="totp_step_used_once"),
        ]

    def __str__(self):
        return f"{self.user_id}:{self.step}"
