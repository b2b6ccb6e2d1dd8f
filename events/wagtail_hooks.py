from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks


@hooks.register("portal_account_links")
def my_registrations_link(request):
    return format_html(
        '<li><a href="{}">{}</a></li>', reverse("events:my_registrations"), _("Mine tilmeldinger")
    )
