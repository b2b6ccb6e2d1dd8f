"""Attachments as a thread page shows them: every post's files from one query."""

from collections import defaultdict

from django.db.models import Q

from network.models import Attachment


def show_with(thread, replies):
    """Set `shown_attachments` on the thread and on each reply given."""
    by_post = defaultdict(list)
    for attachment in Attachment.objects.filter(
        Q(thread=thread) | Q(reply__in=[reply.pk for reply in replies])
    ).order_by("pk"):
        by_post[attachment.reply_id or "thread"].append(attachment)
    thread.shown_attachments = by_post["thread"]
    for reply in replies:
        reply.shown_attachments = by_post[reply.pk]
