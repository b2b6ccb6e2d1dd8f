"""Threads, replies and the history of their edits.

A post's Markdown is rendered and sanitised once, on save, so pages only ever print stored,
already-safe HTML. Deleting is soft: the row stays (replies may quote it), its text is hidden.
"""

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from network import mentions
from network.models.counting import correlated_count
from network.models.groups import Group
from portal.search.index import ANALYSED_FIELD, analysed_text


class Post(models.Model):
    """What threads (their opening post) and replies share."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("forfatter"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body_markdown = models.TextField(_("tekst"))
    body_html = models.TextField(editable=False)
    created = models.DateTimeField(_("oprettet"), default=timezone.now)
    edited_at = models.DateTimeField(_("redigeret"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("slettet"), null=True, blank=True)
    # A moderator's hiding: readers see that the post was hidden, moderators still see its text.
    hidden_at = models.DateTimeField(_("skjult"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("skjult af"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # A token from the form the post was written in: the same form sent twice is one post.
    submission_token = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.render_body()
        if "update_fields" in kwargs and "body_markdown" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "body_html"}
        super().save(*args, **kwargs)

    def render_body(self):
        """The stored HTML of the Markdown (`save` calls it; bulk inserts call it themselves)."""
        self.body_html = mentions.render(self.body_markdown, self.mention_group)

    @property
    def is_deleted(self):
        return self.deleted_at is not None

    @property
    def is_hidden(self):
        return self.hidden_at is not None


class ThreadQuerySet(models.QuerySet):
    def readable_by(self, user):
        return self.filter(group__in=Group.objects.readable_by(user))

    def with_reply_count(self):
        """Each thread with how many of its replies are not deleted (`reply_count`): a subquery
        per thread, not a join grouped over every thread, so only the listed threads are counted."""
        live_replies = Reply.objects.filter(thread=OuterRef("pk"), deleted_at=None)
        return self.annotate(reply_count=correlated_count(live_replies, "thread"))


class Thread(index.Indexed, Post):
    group = models.ForeignKey(
        "network.Group", verbose_name=_("netværk"), on_delete=models.CASCADE, related_name="threads"
    )
    title = models.CharField(_("overskrift"), max_length=200)
    pinned = models.BooleanField(_("fastgjort"), default=False)
    locked = models.BooleanField(_("låst"), default=False)
    last_activity = models.DateTimeField(_("seneste aktivitet"), default=timezone.now)
    solution = models.ForeignKey(
        "network.Reply",
        verbose_name=_("løsning"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ThreadQuerySet.as_manager()

    # Searched with its live replies (network/search.py keeps the index up to date).
    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("body_markdown"),
        index.SearchField("live_replies_text"),
        ANALYSED_FIELD,
        index.FilterField("group"),
        index.FilterField("deleted_at"),
        index.FilterField("hidden_at"),
        index.FilterField("last_activity"),
    ]
    search_stems = analysed_text

    class Meta:
        verbose_name = _("tråd")
        verbose_name_plural = _("tråde")
        ordering = ["-pinned", "-last_activity", "-pk"]
        indexes = [models.Index(fields=["group", "-pinned", "-last_activity"])]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "submission_token"], name="network_thread_submitted_once"
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("network:thread", args=[self.group.slug, self.pk])

    def mention_group(self):
        return self.group

    def live_replies_text(self):
        """The text of the replies every reader sees (neither deleted nor hidden)."""
        replies = self.replies.filter(deleted_at=None, hidden_at=None)
        return " ".join(replies.values_list("body_markdown", flat=True))


class Reply(Post):
    thread = models.ForeignKey(
        Thread, verbose_name=_("tråd"), on_delete=models.CASCADE, related_name="replies"
    )
    quoted = models.ForeignKey(
        "self",
        verbose_name=_("citeret svar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("svar")
        verbose_name_plural = _("svar")
        ordering = ["created", "pk"]
        indexes = [models.Index(fields=["thread", "created"])]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "submission_token"], name="network_reply_submitted_once"
            )
        ]

    def __str__(self):
        return f"{self.thread} #{self.pk}"

    def mention_group(self):
        return self.thread.group


class PostRevision(models.Model):
    """A post's text as it was before an edit: edits are marked, and the history is kept."""

    thread = models.ForeignKey(
        Thread, null=True, blank=True, on_delete=models.CASCADE, related_name="revisions"
    )
    reply = models.ForeignKey(
        Reply, null=True, blank=True, on_delete=models.CASCADE, related_name="revisions"
    )
    old_title = models.CharField(_("tidligere overskrift"), max_length=200, blank=True)
    old_body = models.TextField(_("tidligere tekst"))
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    edited_at = models.DateTimeField(_("redigeret"), default=timezone.now)

    class Meta:
        verbose_name = _("tidligere version")
        verbose_name_plural = _("tidligere versioner")
        ordering = ["-edited_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(thread__isnull=False, reply__isnull=True)
                | Q(thread__isnull=True, reply__isnull=False),
                name="network_revision_of_one_post",
            )
        ]

    def __str__(self):
        return f"{self.thread or self.reply} ({self.edited_at:%Y-%m-%d %H:%M})"
