"""The notification centre, following groups and threads, and unsubscribing from e-mail."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from network import following, notifications, unsubscribe
from network.models import EmailOptOut, Notification
from network.views.gate import network_view, readable_group, readable_thread
from network.views.threads import reply_url

NOTIFICATIONS_PER_PAGE = 25
POST_TEXT = ("body_markdown", "body_html")


@network_view
def centre(request):
    listed = (
        Notification.objects.visible_to(request.user)
        .select_related("thread__group", "thread__author", "reply__author")
        # The centre names posts; it never shows their text.
        .defer(*(f"{post}__{body}" for post in ("thread", "reply") for body in POST_TEXT))
    )
    page_obj = Paginator(listed, NOTIFICATIONS_PER_PAGE).get_page(request.GET.get("side"))
    return render(
        request,
        "network/notifications.html",
        {
            "page_obj": page_obj,
            "notifications": page_obj.object_list,
            "opted_out": EmailOptOut.objects.filter(user=request.user).exists(),
        },
    )


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
