from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="list-ul")
class FooterSettings(BaseSiteSetting):
    """The footer's contact details and links, which every page shows."""

    invalidates_page_cache = True

    contact_text = models.CharField(
        _("kontakttekst"), max_length=255, default="Bolig- og Planstyrelsen"
    )
    contact_email = models.EmailField(_("kontakt e-mail"), blank=True)
    contact_phone = models.CharField(_("telefon"), max_length=30, blank=True)
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("tilgængelighedserklæring"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privatlivspolitik"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("contact_text"),
        FieldPanel("contact_email"),
        FieldPanel("contact_phone"),
        FieldPanel("accessibility_page"),
        FieldPanel("privacy_page"),
    ]

    class Meta:
        verbose_name = _("sidefod")
