"""Files shared in groups: attachments to posts and the group's document library.

Files are kept by NetworkFileStorage under random names, outside the media folder; the name
the uploader gave is kept, cleaned, for display and for the download's file name.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.files import types
from network.files.storage import NetworkFileStorage, delete_after_commit, stored_name


class StoredFile(models.Model):
    file = models.FileField(
        _("fil"), storage=NetworkFileStorage(), upload_to=stored_name, max_length=200
    )
    original_name = models.CharField(_("filnavn"), max_length=255)
    content_type = models.CharField(_("filtype"), max_length=120)
    size = models.PositiveBigIntegerField(_("størrelse"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploadet af"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField(_("uploadet"), default=timezone.now)

    class Meta:
        abstract = True

    def __str__(self):
        return self.original_name

    @property
    def kind_label(self):
        kind = types.BY_CONTENT_TYPE.get(self.content_type)
        return kind.label if kind else self.content_type

    def set_upload(self, checked):
        """Take a checked upload (network.files.uploads.CheckedUpload); saved with the row."""
        self.file.save(checked.name, checked.file, save=False)
        self.original_name = checked.name
        self.content_type = checked.kind.content_type
        self.size = checked.file.size


class Attachment(StoredFile):
    """A file attached to a thread's opening post or to a reply."""

    STORAGE_FOLDER = "attachments"

    thread = models.ForeignKey(
        "network.Thread",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    reply = models.ForeignKey(
        "network.Reply", null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )

    class Meta:
        verbose_name = _("vedhæftet fil")
        verbose_name_plural = _("vedhæftede filer")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(thread__isnull=False, reply__isnull=True)
                | Q(thread__isnull=True, reply__isnull=False),
                name="network_attachment_of_one_post",
            )
        ]


class GroupDocument(StoredFile):
    """A document in a group's library, filed in a folder (by name; blank is "no folder")."""

    STORAGE_FOLDER = "documents"

    group = models.ForeignKey(
        "network.Group",
        verbose_name=_("netværk"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    folder = models.CharField(_("mappe"), max_length=80, blank=True)
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("beskrivelse"), blank=True)

    class Meta:
        verbose_name = _("dokument")
        verbose_name_plural = _("dokumenter")
        ordering = ["folder", "title", "pk"]
        indexes = [models.Index(fields=["group", "folder", "title"])]

    def get_absolute_url(self):
        return reverse("network:document_file", args=[self.group.slug, self.pk])


@receiver(post_delete, sender=Attachment)
@receiver(post_delete, sender=GroupDocument)
def remove_stored_file(sender, instance, **kwargs):
    """However a row goes (a delete, a group's cascade, an account's erasure), its file follows."""
    delete_after_commit(instance.file)
