"""How far each member has read each thread."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ThreadVisit(models.Model):
    """A member has seen the thread's opening post and every reply up to `read_up_to` (a reply's
    primary key; replies are shown in the order they were written, so in key order)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="thread_visits"
    )
    thread = models.ForeignKey("network.Thread", on_delete=models.CASCADE, related_name="visits")
    read_up_to = models.BigIntegerField(_("læst til og med svar"), default=0)
    read_at = models.DateTimeField(_("senest læst"), default=timezone.now)

    class Meta:
        verbose_name = _("læst tråd")
        verbose_name_plural = _("læste tråde")
        constraints = [models.UniqueConstraint(fields=["user", "thread"], name="network_one_visit")]

    def __str__(self):
        return f"{self.user} – {self.thread_id} ({self.read_up_to})"
