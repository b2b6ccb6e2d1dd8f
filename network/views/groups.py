"""The list of networks, a group's page, and joining, leaving, requests and invitations."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from network import (
    access,
    fragments,
    group_entries,
    group_fragments,
    memberships,
    page_state,
    reading,
)
from network.choices import MembershipRole, MembershipStatus
from network.forms import GroupForm, InviteForm
from network.models import Group, MembershipRequest, Report
from network.views.gate import listed_group, network_view
from portal import compiled
from portal.access import is_administrator, role_key
from portal.slugs import danish_slugify

# Addresses of pages other than groups: creating a group, one's moderation queues,
# notifications and unsubscribing.
RESERVED_SLUGS = {"ny", "moderering", "notifikationer", "afmeld", "adgang"}


@network_view
def index(request):
    user = request.user
    # Per reader only which groups they see, their membership and unread threads; the rest of
    # each group's entry is rendered once per network generation.
    fields = ("pk", "my_status", "my_role", "unread_threads")
    rows = _listed_rows(user)
    groups = [dict(zip(fields, row, strict=True)) for row in rows]
    entries = group_entries.shared_entries()
    for group in groups:
        group["head"], group["tail"] = entries[group["pk"]]
    my_groups = [g for g in groups if g["my_status"] == MembershipStatus.ACTIVE]
    is_network_member = access.is_network_member(user)
    moderates = any(g["my_role"] == MembershipRole.MODERATOR for g in my_groups)
    return render(
        request,
        "network/index.html",
        {
            "my_groups": my_groups,
            "other_groups": [g for g in groups if g["my_status"] != MembershipStatus.ACTIVE],
            "may_manage": access.may_manage_groups(user),
            "moderates": moderates,
            "is_network_member": is_network_member,
            # Only someone without the networks' role is told how their request stands.
            "membership_request": None
            if is_network_member
            else MembershipRequest.objects.filter(user=user).first(),
            "reviews_requests": _reviews_requests(user, is_network_member, moderates),
        },
    )


def _reviews_requests(user, is_network_member, moderates):
    """`access.may_review_membership_requests`: a network member's list holds every group they
    are active in, so whether they moderate one is known without asking again."""
    if not is_network_member:
        return access.may_review_membership_requests(user, Group.objects.all())
    return moderates or is_administrator(user)


def _listed_rows(user):
    """The reader's rows of `_listed_groups`, kept for them alone under their roles, the
    network's generation and their reading generation."""
    stamp = (*fragments.network_stamp(), *fragments.reader_stamp(user.pk))
    key = fragments.key("listed-groups", user.pk, role_key(user), *stamp)
    return fragments.get_or_render(key, lambda: _read_listed_rows(user))


def _read_listed_rows(user):
    """The groups listed for `user` with their membership, and their unread threads where they
    are an active member (asked only if they are one somewhere)."""
    rows = compiled.rows("listed-groups", user, _listed_groups)
    unread = {}
    if any(status == MembershipStatus.ACTIVE for _pk, status, _role in rows):
        unread = dict(compiled.rows("unread-by-group", user, _unread_by_group))
    return [(*row, unread.get(row[0], 0)) for row in rows]


def _listed_groups(reader, _slots):
    return (
        Group.objects.listed_for(reader)
        .with_own_membership(reader)
        .order_by("name")
        .values_list("pk", "my_status", "my_role")
    )


def _unread_by_group(reader, _slots):
    return reading.unread_threads_by_group(reader)


@network_view
def group_page(request, slug):
    user = request.user
    # Whether the reader may read the group, follows it and their membership in one query.
    group = page_state.group(user, slug)
    may_moderate = access.may_moderate(user, group)
    may_post = access.may_post(user, group)
    context = {
        "group": group,
        "membership": access.network_membership(user, group),
        "readable": group.readable,
        "may_post": may_post,
        "may_moderate": may_moderate,
        "may_manage": access.may_manage_groups(user),
        "moderators_html": group_fragments.moderators(group),
    }
    if group.readable:
        context["thread_list"] = group_fragments.thread_list(
            group, user, may_moderate, may_post, request.GET.get("side")
        )
        context["upcoming_meetings"] = group_fragments.upcoming_meetings(group)
        context["library_and_members"] = group_fragments.library_and_members(group)
    if may_moderate:
        context["requests"] = (
            group.memberships.select_related("user__municipality")
            .filter(status=MembershipStatus.REQUESTED)
            .order_by("-role", "user__first_name", "user__last_name")
        )
        context["invite_form"] = InviteForm()
        context["open_reports"] = Report.objects.open().filter(group=group).count()
    return render(request, "network/group.html", context)


def _unique_slug(name):
    base = danish_slugify(name)[:70] or "netvaerk"
    slug, number = base, 1
    while slug in RESERVED_SLUGS or Group.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _manager_only(request):
    if not access.may_manage_groups(request.user):
        raise Http404


@network_view
def create_group(request):
    _manager_only(request)
    return _edit_group(request, Group(created_by=request.user))


@network_view
def edit_group(request, slug):
    _manager_only(request)
    return _edit_group(request, listed_group(request.user, slug))


def _edit_group(request, group):
    stored_kind = group.kind if group.pk else None
    form = GroupForm(request.POST or None, instance=group)
    if request.method == "POST" and form.is_valid():
        group = form.save(commit=False)
        if not group.slug:
            group.slug = _unique_slug(group.name)
        moderators = form.cleaned_data["moderators"]
        saved = _refusal_to_message(
            request,
            lambda: memberships.save_group(request.user, group, moderators, stored_kind),
        )
        if saved is not None:
            messages.success(request, _("Netværket er gemt."))
            return redirect(saved)
    return render(request, "network/group_form.html", {"form": form, "group": group})


def _refusal_to_message(request, action):
    try:
        return action()
    except memberships.Refused as refusal:
        messages.error(request, str(refusal))
        return None


@require_POST
@network_view
def join(request, slug):
    group = listed_group(request.user, slug)
    membership = _refusal_to_message(request, lambda: memberships.join(request.user, group))
    if membership is not None and membership.is_active:
        messages.success(request, _("Du er nu medlem af netværket."))
    elif membership is not None:
        messages.success(request, _("Din anmodning er sendt til netværkets moderatorer."))
    return redirect(group)


@require_POST
@network_view
def leave(request, slug):
    group = listed_group(request.user, slug)
    if _refusal_to_message(request, lambda: memberships.leave(request.user, group) or True):
        messages.success(request, _("Du er ikke længere med i netværket."))
    return redirect("network:index")


@require_POST
@network_view
def decide_request(request, slug, pk):
    group = listed_group(request.user, slug)
    if not access.may_moderate(request.user, group):
        raise Http404
    membership = get_object_or_404(group.memberships.select_related("group"), pk=pk)
    approve = request.POST.get("decision") == "approve"
    done = _refusal_to_message(
        request, lambda: memberships.decide_request(request.user, membership, approve) or True
    )
    if done:
        messages.success(
            request,
            _("Anmodningen er godkendt.") if approve else _("Anmodningen er afvist."),
        )
    return redirect(group)


@require_POST
@network_view
def invite(request, slug):
    group = listed_group(request.user, slug)
    if not access.may_moderate(request.user, group):
        raise Http404
    form = InviteForm(request.POST)
    if not form.is_valid():
        for error in form.errors["email"]:
            messages.error(request, error)
        return redirect(group)
    invited = _refusal_to_message(
        request, lambda: memberships.invite(request.user, group, form.cleaned_data["email"])
    )
    if invited is not None:
        messages.success(
            request, _("Personen er inviteret og kan nu se netværket og blive medlem.")
        )
    return redirect(group)
