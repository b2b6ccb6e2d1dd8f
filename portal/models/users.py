from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """The portal's user; e-mail is unique because allauth logs in by e-mail."""

    email = models.EmailField(_("e-mail"), unique=True)

    class Meta:
        verbose_name = _("bruger")
        verbose_name_plural = _("brugere")

    def __str__(self):
        return self.get_full_name() or self.email
