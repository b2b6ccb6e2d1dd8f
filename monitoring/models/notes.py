"""Styrelsen's knowledge about an organisation or one of its estates, written for the
supervising municipality (tilsynskommunen), which may be asked to respond by a date."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NoteStatus(models.TextChoices):
    NEW = "new", _("Ny")
    IN_PROGRESS = "in_progress", _("Under behandling")
    ANSWERED = "answered", _("Besvaret")


class StyrelseNoteQuerySet(models.QuerySet):
    def readable_by(self, user):
        from monitoring import access

        return access.readable_notes(user, self)

    def open_requests(self):
        """Notes that ask the municipality to respond and are not answered yet."""
        return self.filter(respond_by__isnull=False).exclude(status=NoteStatus.ANSWERED)


class StyrelseNote(models.Model):
    """What styrelsen knows (special operating support from Landsbyggefonden, a merger under
    way, a pattern across the sector); the municipality's answers are kept as `NoteReply`s."""

    organisation = models.ForeignKey(
        "monitoring.Organisation",
        verbose_name=_("boligorganisation"),
        on_delete=models.CASCADE,
        related_name="styrelse_notes",
    )
    estate = models.ForeignKey(
        "monitoring.Estate",
        verbose_name=_("afdeling"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="styrelse_notes",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("skrevet af"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("overskrift"), max_length=200)
    body = models.TextField(_("notat"))
    respond_by = models.DateField(_("svar senest"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=NoteStatus.choices, default=NoteStatus.NEW
    )
    created = models.DateTimeField(_("skrevet"), auto_now_add=True)

    objects = StyrelseNoteQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("notat fra styrelsen")
        verbose_name_plural = _("notater fra styrelsen")
        indexes = [models.Index(fields=["organisation", "estate"], name="monitoring_note_entity")]

    def __str__(self):
        return self.title

    @property
    def asks_for_answer(self):
        return self.respond_by is not None and self.status != NoteStatus.ANSWERED

    @property
    def is_overdue(self):
        return self.asks_for_answer and self.respond_by < timezone.localdate()


class NoteReply(models.Model):
    """The supervising municipality's answer to a note, with the status it set."""

    note = models.ForeignKey(StyrelseNote, on_delete=models.CASCADE, related_name="replies")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("status"), max_length=20, choices=NoteStatus.choices)
    text = models.TextField(_("svar"), blank=True)
    created = models.DateTimeField(_("tidspunkt"), auto_now_add=True)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("svar på notat")
        verbose_name_plural = _("svar på notater")

    def __str__(self):
        return f"{self.note} {self.get_status_display()}"
