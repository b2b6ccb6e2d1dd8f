"""The people generation: moves whenever who a user is or which roles they hold may have changed
(a save of a user other than a log-in's timestamp, a deletion, a role granted or revoked), again
at commit, so lists of people kept in the cache under it are read afresh at once."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from portal.cache import bump_generation, fresh_generation

GENERATION_KEY = "portal:people-generation"


def people_generation():
    return cache.get_or_set(GENERATION_KEY, fresh_generation, timeout=None)


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def _user_saved(sender, update_fields=None, **kwargs):
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    bump_generation(GENERATION_KEY)


@receiver(post_delete, sender=settings.AUTH_USER_MODEL)
@receiver(post_delete, sender=Group)
def _people_gone(sender, **kwargs):
    bump_generation(GENERATION_KEY)


@receiver(m2m_changed, sender=Group.user_set.through)
def _roles_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        bump_generation(GENERATION_KEY)
