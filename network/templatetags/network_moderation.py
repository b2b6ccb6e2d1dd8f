"""What a reader is shown of a post a moderator hid."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def title_for(thread, may_moderate):
    """A hidden thread's title is for its group's moderators only."""
    if thread.hidden_at and not may_moderate:
        return _("Tråd skjult af en moderator")
    return thread.title
