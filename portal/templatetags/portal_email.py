"""The signature every e-mail of the portal ends with: its name and public address."""

from django import template
from django.conf import settings

register = template.Library()


@register.inclusion_tag("email/signature.txt")
def email_signature():
    return {"site_name": settings.WAGTAIL_SITE_NAME, "site_url": settings.WAGTAILADMIN_BASE_URL}
