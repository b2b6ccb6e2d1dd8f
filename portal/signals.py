"""Signals of the portal: published content changes invalidate the anonymous page cache."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from portal.cache import bump_content_generation


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
@receiver(post_page_move)
def invalidate_on_page_change(sender, **kwargs):
    bump_content_generation()


@receiver(post_delete)
def invalidate_on_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump_content_generation()


@receiver(post_save)
@receiver(post_delete)
def invalidate_on_shown_content_change(sender, **kwargs):
    """Models whose content every page may show (footer, topics, privacy) mark themselves with
    `invalidates_page_cache`; a page made private must stop being served from the cache too, and
    routing keeps sites and restrictions in memory (portal/routing.py)."""
    if sender in (PageViewRestriction, Site) or getattr(sender, "invalidates_page_cache", False):
        bump_content_generation()


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def invalidate_on_restriction_groups_change(sender, **kwargs):
    bump_content_generation()


@receiver(post_save)
def invalidate_on_alias_created(sender, instance, created, **kwargs):
    """An alias is created live without being published; its source's restrictions apply to it."""
    if created and isinstance(instance, Page) and instance.alias_of_id:
        bump_content_generation()
