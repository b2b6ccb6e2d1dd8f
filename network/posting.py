"""Writing in a group: every rule about who may write what is checked here, inside the
transaction that saves, so a refused post leaves nothing behind and a double-sent form makes one
post."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from network import access, moderation
from network.files.storage import removed_on_error
from network.models import Attachment, ModerationKind, PostRevision, Reply, Thread
from network.notifications import notify_about, notify_new_mentions
from portal.submissions import create_once


class Refused(Exception):
    """A write the rules forbid; the message tells the user why, in Danish."""


def check_may_write(user, group):
    if not access.may_post(user, group):
        raise Refused(_("Du skal være aktivt medlem af netværket for at skrive her."))


def _open_thread(thread):
    """The thread, locked for update and re-read, so a lock set meanwhile is seen."""
    current = Thread.objects.select_for_update().get(pk=thread.pk)
    if current.locked:
        raise Refused(_("Tråden er låst, så der kan ikke skrives i den."))
    return current


def _create_once(model, author, token, **fields):
    """The post, once per author and form token (portal.submissions)."""
    return create_once(model, token, unique_with=["author"], author=author, **fields)


def attach(user, post, files):
    """Save checked uploads (network.files.uploads) with the post, in its transaction."""
    post_field = "thread" if isinstance(post, Thread) else "reply"
    with removed_on_error() as written:
        for checked in files:
            attachment = Attachment(uploaded_by=user, **{post_field: post})
            attachment.set_upload(checked)
            written.append(attachment.file)
            attachment.save()


@transaction.atomic
def start_thread(user, group, *, title, body, token, files=()):
    check_may_write(user, group)
    thread = _create_once(Thread, user, token, group=group, title=title, body_markdown=body)
    attach(user, thread, files)
    notify_about(thread)
    return thread


@transaction.atomic
def reply(user, thread, *, body, token, quoted=None, files=()):
    check_may_write(user, thread.group)
    current = _open_thread(thread)
    new_reply = _create_once(Reply, user, token, thread=current, body_markdown=body, quoted=quoted)
    Thread.objects.filter(pk=current.pk).update(last_activity=new_reply.created)
    attach(user, new_reply, files)
    notify_about(current, new_reply)
    return new_reply


def _check_own_live_post(user, post):
    if not access.is_author(user, post):
        raise Refused(_("Du kan kun ændre dine egne indlæg."))
    if post.is_deleted:
        raise Refused(_("Indlægget er slettet og kan ikke ændres."))


def _change_files(user, post, files, remove):
    """Add and remove the post's attachments; the limit counts what the post keeps."""
    removing = post.attachments.filter(pk__in=[attachment.pk for attachment in remove])
    kept = post.attachments.count() - removing.count()
    limit = settings.NETWORK_MAX_ATTACHMENTS
    if kept + len(files) > limit:
        raise Refused(
            ngettext(
                "Et indlæg kan højst have %(count)d fil.",
                "Et indlæg kan højst have %(count)d filer.",
                limit,
            )
            % {"count": limit}
        )
    removing.delete()
    attach(user, post, files)


@transaction.atomic
def edit(user, post, *, body, title=None, files=(), remove=()):
    """Change the author's own post: its text (the old text is kept as a revision, the post is
    marked) and its files. Those the new text mentions for the first time are notified."""
    is_thread = isinstance(post, Thread)
    thread = post if is_thread else post.thread
    _check_own_live_post(user, post)
    if post.is_hidden:
        raise Refused(_("Indlægget er skjult af en moderator og kan ikke ændres."))
    check_may_write(user, thread.group)
    _open_thread(thread)
    old_title = post.title if is_thread else ""
    old_body = post.body_markdown
    new_title = title if is_thread and title is not None else old_title
    if body == old_body and new_title == old_title and not files and not remove:
        raise Refused(_("Du har ikke ændret noget."))
    PostRevision.objects.create(
        thread=post if is_thread else None,
        reply=None if is_thread else post,
        old_title=old_title,
        old_body=old_body,
        edited_by=user,
    )
    post.body_markdown = body
    post.edited_at = timezone.now()
    fields = ["body_markdown", "edited_at"]
    if is_thread:
        post.title = new_title
        fields.append("title")
    post.save(update_fields=fields)
    _change_files(user, post, files, remove)
    notify_new_mentions(thread, None if is_thread else post, old_body)
    return post


@transaction.atomic
def delete(user, post):
    """Soft-delete the author's own post: the text goes from the page, replies keep their place.
    A locked thread still lets authors withdraw what they wrote."""
    _check_own_live_post(user, post)
    post.deleted_at = timezone.now()
    post.save(update_fields=["deleted_at"])
    if isinstance(post, Reply):
        Thread.objects.filter(pk=post.thread_id, solution=post).update(solution=None)
    return post


@transaction.atomic
def toggle_solution(user, thread, reply_to_mark):
    """Mark a reply as the thread's answer, or unmark it if it already is."""
    if not access.may_choose_solution(user, thread):
        raise Refused(_("Kun trådens forfatter eller en moderator kan vælge løsningen."))
    if reply_to_mark.is_deleted:
        raise Refused(_("Et slettet svar kan ikke være løsningen."))
    thread.solution = None if thread.solution_id == reply_to_mark.pk else reply_to_mark
    thread.save(update_fields=["solution"])
    if not access.is_author(user, thread):
        kind = ModerationKind.SOLUTION if thread.solution else ModerationKind.UNSOLUTION
        moderation.log(user, thread.group, kind, post=reply_to_mark)
    return thread.solution
