"""Threads and replies: reading, writing, editing, deleting, answers, pinning and locking."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from network import (
    access,
    moderation,
    page_state,
    posting,
    reading,
    replies_section,
    thread_frame,
)
from network.forms import EditPostForm, EditThreadForm, ReplyForm, ThreadForm
from network.models import ModerationKind
from network.reading import REPLIES_PER_PAGE
from network.views.gate import network_view, readable_group, readable_reply, readable_thread
from portal.submissions import AlreadySubmitted


def reply_url(reply, earlier=None):
    """Where a reply is: its thread's page that holds it, at its anchor. `earlier`, the number of
    replies before it, saves a query when the caller already counted them."""
    if earlier is None:
        earlier = reading.replies_before(reply.thread, reply.pk)
    page = earlier // REPLIES_PER_PAGE + 1
    url = reverse("network:thread", args=[reply.thread.group.slug, reply.thread_id])
    return f"{url}?side={page}#svar-{reply.pk}"


@network_view
def new_thread(request, slug):
    group = readable_group(request.user, slug)
    if request.method == "POST" and not access.may_post(request.user, group):
        messages.error(request, _("Du skal være aktivt medlem af netværket for at skrive her."))
        return redirect(group)
    form = ThreadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            thread = posting.start_thread(
                request.user,
                group,
                title=data["title"],
                body=data["body"],
                token=data["token"],
                files=data["attachments"],
            )
        except AlreadySubmitted as sent:
            messages.info(request, _("Tråden var allerede oprettet; den er ikke oprettet igen."))
            return redirect(sent.first)
        except posting.Refused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Tråden er oprettet."))
            return redirect(thread)
    return render(
        request,
        "network/thread_form.html",
        {"group": group, "form": form, "may_post": access.may_post(request.user, group)},
    )


def _first_unread(request, thread):
    """Without a page asked for, a member who has read the thread before lands on the page of
    the first reply they have not read; the page links to it (`#svar-ID`)."""
    if "side" in request.GET or thread.read_up_to is None or thread.first_unread is None:
        return None, request.GET.get("side")
    before = reading.replies_before(thread, thread.first_unread)
    return thread.first_unread, before // REPLIES_PER_PAGE + 1


@network_view
def thread_page(request, slug, pk, reply_form=None):
    user = request.user
    thread = page_state.thread(user, slug, pk)
    group = thread.group
    first_unread, page_number = _first_unread(request, thread)
    may_moderate = access.may_moderate(user, group)
    is_member = access.may_post(user, group)
    may_post = is_member and not thread.locked
    rights = {
        "may_post": may_post,
        "may_moderate": may_moderate,
        "may_choose_solution": access.may_choose_solution(user, thread),
    }
    replies = replies_section.section(request, thread, page_number, rights)
    if is_member:
        reading.record_visit(user, thread, [pk for pk, _author in replies.replies])
    if reply_form is None and may_post:
        quoted = request.GET.get("citer", "")
        if quoted.isdigit():
            reply_form = ReplyForm(thread=thread, initial={"quoted": quoted})
    quoting = None
    if reply_form is not None:
        quoted_value = reply_form["quoted"].value()
        if str(quoted_value or "").isdigit():
            quoting = thread.replies.filter(
                pk=quoted_value, deleted_at=None, hidden_at=None
            ).first()
    frame = thread_frame.frame(
        request, thread, {**rights, "is_member": is_member}, first_unread, reply_form, quoting
    )
    return render(
        request,
        "network/thread.html",
        {
            "group": group,
            "thread": thread,
            "may_moderate": may_moderate,
            "frame": frame,
            "replies_section": replies.html,
        },
        status=400 if reply_form is not None and reply_form.errors else 200,
    )


@require_POST
@network_view
def post_reply(request, slug, pk):
    thread = readable_thread(request.user, slug, pk)
    if not access.may_post(request.user, thread.group):
        messages.error(request, _("Du skal være aktivt medlem af netværket for at skrive her."))
        return redirect(thread)
    form = ReplyForm(request.POST, request.FILES, thread=thread)
    if not form.is_valid():
        return thread_page(request, slug, pk, reply_form=form)
    data = form.cleaned_data
    try:
        reply = posting.reply(
            request.user,
            thread,
            body=data["body"],
            token=data["token"],
            quoted=data["quoted"],
            files=data["attachments"],
        )
    except AlreadySubmitted as sent:
        messages.info(request, _("Svaret var allerede sendt; det er ikke gemt igen."))
        return redirect(reply_url(sent.first))
    except posting.Refused as refusal:
        messages.error(request, str(refusal))
        return redirect(thread)
    messages.success(request, _("Dit svar er gemt."))
    return redirect(reply_url(reply))


def _edit(request, post, thread, form_class, initial):
    if not access.is_author(request.user, post):
        messages.error(request, _("Du kan kun ændre dine egne indlæg."))
        return redirect(thread)
    form = form_class(request.POST or None, request.FILES or None, initial=initial, post=post)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            posting.edit(
                request.user,
                post,
                body=data["body"],
                title=data.get("title"),
                files=data["attachments"],
                remove=data.get("remove_attachments", ()),
            )
        except posting.Refused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Indlægget er ændret."))
            return redirect(thread if post is thread else reply_url(post))
    return render(
        request,
        "network/post_edit.html",
        {
            "group": thread.group,
            "thread": thread,
            "post": post,
            "form": form,
            "may_moderate": access.may_moderate(request.user, thread.group),
        },
    )


@network_view
def edit_thread(request, slug, pk):
    thread = readable_thread(request.user, slug, pk)
    initial = {"title": thread.title, "body": thread.body_markdown}
    return _edit(request, thread, thread, EditThreadForm, initial)


@network_view
def edit_reply(request, slug, pk):
    reply = readable_reply(request.user, slug, pk)
    return _edit(request, reply, reply.thread, EditPostForm, {"body": reply.body_markdown})


def _delete(request, post, thread):
    """GET asks the author to confirm (a page, so it works without JavaScript); POST deletes."""
    if request.method != "POST":
        if not access.is_author(request.user, post) or post.is_deleted:
            messages.error(request, _("Du kan kun slette dine egne indlæg."))
            return redirect(thread)
        context = {
            "group": thread.group,
            "thread": thread,
            "post": post,
            "back": thread.get_absolute_url() if post is thread else reply_url(post),
            "may_moderate": access.may_moderate(request.user, thread.group),
        }
        return render(request, "network/post_delete.html", context)
    try:
        posting.delete(request.user, post)
    except posting.Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Indlægget er slettet."))
    return redirect(thread)


@network_view
def delete_thread(request, slug, pk):
    thread = readable_thread(request.user, slug, pk)
    return _delete(request, thread, thread)


@network_view
def delete_reply(request, slug, pk):
    reply = readable_reply(request.user, slug, pk)
    return _delete(request, reply, reply.thread)


@require_POST
@network_view
def choose_solution(request, slug, pk, reply_pk):
    thread = readable_thread(request.user, slug, pk)
    chosen = thread.replies.filter(pk=reply_pk).first()
    if chosen is None:
        raise Http404
    try:
        solution = posting.toggle_solution(request.user, thread, chosen)
    except posting.Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            _("Svaret er markeret som løsning.")
            if solution
            else _("Svaret er ikke længere løsningen."),
        )
    return redirect(thread)


MODERATION_MESSAGES = {
    "pin": gettext_lazy("Tråden er fastgjort øverst."),
    "unpin": gettext_lazy("Tråden er ikke længere fastgjort."),
    "lock": gettext_lazy("Tråden er låst."),
    "unlock": gettext_lazy("Tråden er låst op."),
}


@require_POST
@network_view
def moderate_thread(request, slug, pk):
    thread = readable_thread(request.user, slug, pk)
    if not access.may_moderate(request.user, thread.group):
        raise Http404
    message = MODERATION_MESSAGES.get(request.POST.get("action"))
    if message is None:
        messages.error(request, _("Ukendt handling."))
        return redirect(thread)
    moderation.set_thread_state(request.user, thread, ModerationKind(request.POST["action"]))
    messages.success(request, message)
    return redirect(thread)
