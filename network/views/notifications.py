"""The notification centre, following groups and threads, and unsubscribing from e-mail."""

import hashlib

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Window
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from network import following, notifications, unsubscribe
from network.models import EmailOptOut, Notification
from network.views.gate import network_view, readable_group, readable_thread
from network.views.threads import reply_url

NOTIFICATIONS_PER_PAGE = 25
LISTED_SECONDS = 3600
# What a listed notification shows (network/notification_text.html names the post's author).
SHOWN = (
    "pk",
    "kind",
    "read_at",
    "created",
    "thread__title",
    "thread__group__name",
    *(
        f"{post}__author__{field}"
        for post in ("thread", "reply")
        for field in ("first_name", "last_name", "email", "deleted_at")
    ),
)
POST_TEXT = ("body_markdown", "body_html")


@network_view
def centre(request):
    listed = (
        Notification.objects.visible_to(request.user)
        .select_related("thread__group", "thread__author", "reply__author")
        # The centre names posts; it never shows their text.
        .defer(*(f"{post}__{body}" for post in ("thread", "reply") for body in POST_TEXT))
    )
    page_obj, listed_key = listed_page(listed, request.GET.get("side"))
    return render(
        request,
        "network/notifications.html",
        {
            "page_obj": page_obj,
            "notifications": page_obj.object_list,
            "listed_key": listed_key,
            "listed_seconds": LISTED_SECONDS,
            "opted_out": EmailOptOut.objects.filter(user=request.user).exists(),
        },
    )


def listed_page(listed, number):
    """The page `number` of the notifications `listed`, and the key of its rendered list (None
    when it is empty): a digest of everything the page shows, read without loading the
    notifications, so the list is rendered again only when something in it changed.

    Only the recipient has these notifications (their ids are in the digest), and a list is
    used again only while every title, group name, author, date and read state in it is the
    same. The same query counts the notifications for the paginator; a page number that is not
    one of the pages gets the paginator's answer (the first or the last page)."""
    paginator = Paginator(listed, NOTIFICATIONS_PER_PAGE)
    number = number or 1
    shown = _shown(listed, number)
    if shown:
        paginator.count = shown[0][-1]
    elif str(number) == "1":
        paginator.count = 0  # the first page is empty only when there are none
    page_obj = paginator.get_page(number)
    if not shown and paginator.count:
        shown = _shown(listed, page_obj.number)
    if not shown:
        return page_obj, None
    digest = hashlib.sha1(repr([*shown, timezone.get_current_timezone_name()]).encode())
    return page_obj, digest.hexdigest()


def _shown(listed, number):
    """What page `number` shows, with the number of all notifications; none for a page number
    that is not a positive whole number."""
    if not str(number).isdigit() or int(number) < 1:
        return []
    bottom = (int(number) - 1) * NOTIFICATIONS_PER_PAGE
    counted = listed.annotate(listed_total=Window(Count("pk"))).values_list(*SHOWN, "listed_total")
    return list(counted[bottom : bottom + NOTIFICATIONS_PER_PAGE])


def _visible_notification(request, pk):
    return get_object_or_404(
        Notification.objects.visible_to(request.user).select_related("thread__group", "reply"),
        pk=pk,
    )


@network_view
def open_notification(request, pk):
    """Follow a notification's link: it is read, and the reader lands on the post."""
    notification = _visible_notification(request, pk)
    notifications.mark_read(Notification.objects.filter(pk=notification.pk))
    if notification.reply is None:
        return redirect(notification.thread)
    notification.reply.thread = notification.thread
    return redirect(reply_url(notification.reply))


def _back_to_centre(request):
    page = request.POST.get("side", "")
    url = reverse("network:notifications")
    return redirect(f"{url}?side={page}" if page.isdigit() else url)


@require_POST
@network_view
def mark_read(request, pk):
    notification = _visible_notification(request, pk)
    notifications.mark_read(Notification.objects.filter(pk=notification.pk))
    return _back_to_centre(request)


@require_POST
@network_view
def mark_all_read(request):
    notifications.mark_read(Notification.objects.visible_to(request.user))
    messages.success(request, _("Alle notifikationer er markeret som læst."))
    return _back_to_centre(request)


@require_POST
@network_view
def resume_email(request):
    notifications.resume_email(request.user)
    messages.success(request, _("Du får igen e-mail fra netværkene."))
    return redirect("network:notifications")


def _toggle_follow(request, target, followed_message, unfollowed_message):
    if request.POST.get("action") == "unfollow":
        following.unfollow(request.user, target)
        messages.success(request, unfollowed_message)
    else:
        following.follow(request.user, target)
        messages.success(request, followed_message)
    return redirect(target)


@require_POST
@network_view
def follow_group(request, slug):
    return _toggle_follow(
        request,
        readable_group(request.user, slug),
        _("Du følger nu netværket og får besked om nye tråde."),
        _("Du følger ikke længere netværket."),
    )


@require_POST
@network_view
def follow_thread(request, slug, pk):
    return _toggle_follow(
        request,
        readable_thread(request.user, slug, pk),
        _("Du følger nu tråden og får besked om nye svar."),
        _("Du følger ikke længere tråden."),
    )


@csrf_exempt
def unsubscribe_view(request, token):
    """The link in every e-mail: GET asks, POST unsubscribes. The POST needs no session or CSRF
    token, since mail programs send it by themselves (RFC 8058 one-click); the signed token is
    the authority."""
    try:
        unsubscription = unsubscribe.read(token)
    except unsubscribe.InvalidLink:
        return render(request, "network/unsubscribe.html", {"invalid": True}, status=400)
    done = request.method == "POST"
    if done:
        unsubscription.apply()
    return render(
        request,
        "network/unsubscribe.html",
        {"unsubscription": unsubscription, "done": done, "scopes": unsubscribe.Scope},
    )
