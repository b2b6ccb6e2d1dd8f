from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class PortalImage(AbstractImage):
    """An image that always carries a default alternative text."""

    alt_text = models.CharField(
        _("alternativ tekst"),
        max_length=250,
        blank=True,
        help_text=_("Beskriv billedet for den, der ikke kan se det. Tom, hvis det er pynt."),
    )

    admin_form_fields = (*Image.admin_form_fields, "alt_text")

    class Meta(AbstractImage.Meta):
        verbose_name = _("billede")
        verbose_name_plural = _("billeder")
        permissions = [("choose_portalimage", "Can choose image")]


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class PortalDocument(AbstractDocument):
    """A document served through Wagtail's permission-checked view, with a plain-language summary."""

    description = models.CharField(_("beskrivelse"), max_length=300, blank=True)

    admin_form_fields = (*Document.admin_form_fields, "description")

    class Meta(AbstractDocument.Meta):
        verbose_name = _("dokument")
        verbose_name_plural = _("dokumenter")
        permissions = [("choose_portaldocument", "Can choose document")]
