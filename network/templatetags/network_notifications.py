from django import template
from django.urls import reverse

from network import following
from network.models import Thread

register = template.Library()


@register.inclusion_tag("network/follow_button.html", takes_context=True)
def follow_button(context, target):
    """Follow or stop following a group or thread the page's reader may read."""
    is_thread = isinstance(target, Thread)
    action = (
        reverse("network:follow_thread", args=[target.group.slug, target.pk])
        if is_thread
        else reverse("network:follow_group", args=[target.slug])
    )
    return {
        "action": action,
        "is_thread": is_thread,
        "is_following": following.is_following(context["request"].user, target),
        "csrf_token": context.get("csrf_token"),
    }
