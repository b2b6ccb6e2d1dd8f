"""Reporting posts, and the moderators' pages: queue, members, log, and hiding posts."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Min, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from network import access, moderation, reading, reporting
from network.choices import MembershipStatus
from network.forms import ModerationReasonForm, ReportForm
from network.models import Group, ModerationAction, Reply, Report
from network.views.gate import moderated_group, network_view, readable_reply, readable_thread
from network.views.threads import reply_url

ACTIONS_PER_PAGE = 50
REPORTED_POSTS_PER_PAGE = 20


def _post_url(post):
    return reply_url(post) if isinstance(post, Reply) else post.get_absolute_url()


def _report(request, post, thread):
    if access.is_author(request.user, post):
        messages.error(request, _("Du kan ikke anmelde dit eget indlæg."))
        return redirect(_post_url(post))
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            reporting.report(request.user, post, **form.cleaned_data)
        except reporting.AlreadyReported:
            messages.info(
                request, _("Du har allerede anmeldt indlægget. Moderatorerne ser på det.")
            )
        except reporting.Refused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                _("Tak. Din anmeldelse er sendt til netværkets moderatorer, som ser på den."),
            )
        return redirect(_post_url(post))
    return render(
        request,
        "network/report_form.html",
        {
            "group": thread.group,
            "thread": thread,
            "post": post,
            "form": form,
            "may_moderate": access.may_moderate(request.user, thread.group),
        },
    )


@network_view
def report_thread(request, slug, pk):
    thread = readable_thread(request.user, slug, pk)
    return _report(request, thread, thread)


@network_view
def report_reply(request, slug, pk):
    reply = readable_reply(request.user, slug, pk)
    return _report(request, reply, reply.thread)


POST_ACTIONS = {
    "hide": (moderation.hide, gettext_lazy("Indlægget er skjult, og anmeldelserne er afgjort.")),
    "restore": (moderation.restore, gettext_lazy("Indlægget vises igen.")),
    "dismiss": (moderation.dismiss, gettext_lazy("Anmeldelserne er afvist.")),
}


def _back(request, default):
    """Back where the moderator came from (the queue or the thread), on this site only."""
    target = request.POST.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    ):
        return redirect(target)
    return redirect(default)


def _perform(request, actions, target):
    """Carry out the posted action on `target` with the moderator's reason, and say how it went."""
    action = actions.get(request.POST.get("action"))
    form = ModerationReasonForm(request.POST)
    if action is None or not form.is_valid():
        messages.error(request, _("Handlingen kunne ikke udføres."))
        return
    perform, message = action
    try:
        perform(request.user, target, form.cleaned_data["reason"])
    except moderation.Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, message)


def _moderate_post(request, post, thread):
    if not access.may_moderate(request.user, thread.group):
        raise Http404
    _perform(request, POST_ACTIONS, post)
    return _back(request, _post_url(post))


@require_POST
@network_view
def moderate_thread_post(request, slug, pk):
    thread = readable_thread(request.user, slug, pk)
    return _moderate_post(request, thread, thread)


@require_POST
@network_view
def moderate_reply(request, slug, pk):
    reply = readable_reply(request.user, slug, pk)
    return _moderate_post(request, reply, reply.thread)


def _reported_posts(group):
    """The group's reported posts, one row each, oldest open report first: what the queue pages."""
    return (
        Report.objects.open()
        .filter(group=group)
        .values("thread_id", "reply_id")
        .annotate(first_reported=Min("created"))
        .order_by("first_reported", "thread_id", "reply_id")
    )


def _queue_entries(group, posts):
    """The open reports of the given reported posts, one entry per post, in their order."""
    reports = (
        Report.objects.open()
        .filter(group=group)
        .filter(
            Q(thread_id__in=[p["thread_id"] for p in posts if p["thread_id"]])
            | Q(reply_id__in=[p["reply_id"] for p in posts if p["reply_id"]])
        )
        .select_related(
            "reporter",
            "thread__author__municipality",
            "reply__author__municipality",
            "reply__thread__group",
        )
        .annotate(replies_before=reading.replies_before_each("reply"))
        .order_by("created", "pk")
    )
    entries = {
        ("thread", p["thread_id"]) if p["thread_id"] else ("reply", p["reply_id"]): None
        for p in posts
    }
    for report in reports:
        key = ("thread", report.thread_id) if report.thread_id else ("reply", report.reply_id)
        if entries[key] is None:
            post = report.post
            entries[key] = {
                "post": post,
                "is_thread": report.thread_id is not None,
                "thread": report.thread or report.reply.thread,
                "url": _post_url(post)
                if report.thread_id
                else reply_url(post, report.replies_before or 0),
                "form": ModerationReasonForm(auto_id=f"{key[0]}-{key[1]}-%s"),
                "reports": [],
            }
        entries[key]["reports"].append(report)
    return [entry for entry in entries.values() if entry is not None]


@network_view
def queue(request, slug):
    group = moderated_group(request.user, slug)
    page_obj = Paginator(_reported_posts(group), REPORTED_POSTS_PER_PAGE).get_page(
        request.GET.get("side")
    )
    return render(
        request,
        "network/moderation_queue.html",
        {
            "group": group,
            "page_obj": page_obj,
            "entries": _queue_entries(group, list(page_obj.object_list)),
            "may_moderate": True,
        },
    )


@network_view
def my_queues(request):
    groups = list(
        Group.objects.moderated_by(request.user).with_open_report_count().order_by("name")
    )
    if not groups:
        raise Http404
    return render(request, "network/moderation_queues.html", {"groups": groups})


@network_view
def log(request, slug):
    group = moderated_group(request.user, slug)
    actions = ModerationAction.objects.filter(group=group).select_related(
        "actor", "member", "thread", "reply__thread"
    )
    page_obj = Paginator(actions, ACTIONS_PER_PAGE).get_page(request.GET.get("side"))
    return render(
        request,
        "network/moderation_log.html",
        {"group": group, "page_obj": page_obj, "may_moderate": True},
    )


@network_view
def members(request, slug):
    user = request.user
    group = moderated_group(user, slug)
    memberships = (
        group.memberships.filter(
            status__in=[
                MembershipStatus.ACTIVE,
                MembershipStatus.REMOVED,
                MembershipStatus.BANNED,
            ]
        )
        .select_related("user__municipality", "group")
        .order_by("-role", "user__first_name", "user__last_name", "pk")
    )
    by_status = {status: [] for status in MembershipStatus.values}
    for membership in memberships:
        membership.may_discipline = membership.user_id != user.pk and access.may_remove_member(
            user, membership
        )
        membership.form = ModerationReasonForm(auto_id=f"medlem-{membership.pk}-%s")
        by_status[membership.status].append(membership)
    return render(
        request,
        "network/moderation_members.html",
        {
            "group": group,
            "active": by_status[MembershipStatus.ACTIVE],
            "removed": by_status[MembershipStatus.REMOVED],
            "banned": by_status[MembershipStatus.BANNED],
        },
    )


MEMBER_ACTIONS = {
    "remove": (moderation.remove, gettext_lazy("Personen er fjernet fra netværket.")),
    "ban": (moderation.ban, gettext_lazy("Personen er udelukket fra netværket.")),
    "lift_ban": (moderation.lift_ban, gettext_lazy("Udelukkelsen er ophævet.")),
}


@require_POST
@network_view
def member_action(request, slug, pk):
    group = moderated_group(request.user, slug)
    membership = get_object_or_404(group.memberships.select_related("group"), pk=pk)
    _perform(request, MEMBER_ACTIONS, membership)
    return redirect("network:moderation_members", group.slug)
