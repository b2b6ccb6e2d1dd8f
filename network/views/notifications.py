"""The notification centre, following groups and threads, and unsubscribing from e-mail."""

import hashlib

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Exists, Window
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from network import following, fragments, notifications, unread, unsubscribe
from network.models import EmailOptOut, Notification
from network.views.gate import network_view, readable_group, readable_thread
from network.views.threads import reply_url
from portal import compiled

NOTIFICATIONS_PER_PAGE = 25
LISTED_SECONDS = 3600
# What a listed notification shows, with its posts' authors by id: their names and erasure
# (network/notification_text.html) are dated by the people generation.
SHOWN = (
    "pk",
    "kind",
    "read_at",
    "created",
    "thread__title",
    "thread__group__name",
    "thread__author_id",
    "reply__author_id",
)
POST_TEXT = ("body_markdown", "body_html")


@network_view
def centre(request):
    user = request.user
    page_obj, shown, opted_out = listed_page(user, request.GET.get("side"))
    bottom = (page_obj.number - 1) * NOTIFICATIONS_PER_PAGE
    return render(
        request,
        "network/notifications.html",
        {
            "page_obj": page_obj,
            # Called by the template only when the list is rendered afresh.
            "notifications": lambda: _listed(user)[bottom : bottom + NOTIFICATIONS_PER_PAGE],
            "listed_key": _listed_key(shown),
            "listed_seconds": LISTED_SECONDS,
            "opted_out": opted_out,
        },
    )


def _listed(user):
    return (
        Notification.objects.visible_to(user)
        .select_related("thread__group", "thread__author", "reply__author")
        # The centre names posts; it never shows their text.
        .defer(*(f"{post}__{body}" for post in ("thread", "reply") for body in POST_TEXT))
    )


def _opted_out(user):
    return EmailOptOut.objects.filter(user=user)


def listed_page(user, number):
    """The page `number` of `user`'s notifications, what it shows (`_shown`) and whether the
    user opted out of e-mail, kept for the user alone (`network.unread`). A page number that is
    not one of the pages gets the paginator's answer (the first or the last page)."""
    number = str(number or 1)
    if number.isdigit() and len(number) < 8:
        total, shown, opted_out = unread.cached(user, f"listed:{number}", _read(number))
    else:
        total, shown, opted_out = _read(number)(user)
    page_obj = Paginator(range(total), NOTIFICATIONS_PER_PAGE).get_page(number)
    return page_obj, shown, opted_out


def _read(number):
    """Reads the page `number` of a user's notifications, in one query whose SQL is compiled
    once per process (`portal.compiled`); it also counts the notifications for the paginator,
    which only numbers the pages, and reads the e-mail opt-out."""

    def read(user):
        shown = _shown(user, number)
        if shown:
            total = shown[0][-1]
        elif number == "1":
            total = 0  # the first page is empty only when there are none
        else:
            total = _listed(user).count()
        if not shown and total:
            last = Paginator(range(total), NOTIFICATIONS_PER_PAGE).get_page(number).number
            shown = _shown(user, last)
        return total, shown, shown[0][-2] if shown else _opted_out(user).exists()

    return read


def _listed_key(shown):
    """The key of the rendered list (None when it is empty): a digest of everything the page
    shows, so the list is rendered again only when something in it changed. Only the recipient
    has these notifications (their ids are in the digest), and a list is used again only while
    every title, group name, author, date and read state in it is the same (authors by id,
    under the people generation)."""
    if not shown:
        return None
    dated = [*shown, fragments.people_stamp(), timezone.get_current_timezone_name()]
    return hashlib.sha1(repr(dated).encode()).hexdigest()


def _shown(user, number):
    """What page `number` shows, whether the user opted out of e-mail, and the number of all
    notifications; none for a page number that is not a positive whole number."""
    if not str(number).isdigit() or int(number) < 1:
        return []
    window = ((int(number) - 1) * NOTIFICATIONS_PER_PAGE, NOTIFICATIONS_PER_PAGE)
    return compiled.rows("listed-notifications", user, _counted, window=window)


def _counted(reader, _slots):
    listed = Notification.objects.visible_to(reader).annotate(
        opted_out=Exists(_opted_out(reader)), listed_total=Window(Count("pk"))
    )
    return listed.values_list(*SHOWN, "opted_out", "listed_total")


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
