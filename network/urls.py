from django.urls import path

from network.views import groups, notifications, threads

app_name = "network"

urlpatterns = [
    path("", groups.index, name="index"),
    path("ny/", groups.create_group, name="create_group"),
    path("notifikationer/", notifications.centre, name="notifications"),
    path("notifikationer/laest/", notifications.mark_all_read, name="mark_all_read"),
    path("notifikationer/email/", notifications.resume_email, name="resume_email"),
    path("notifikationer/<int:pk>/", notifications.open_notification, name="open_notification"),
    path("notifikationer/<int:pk>/laest/", notifications.mark_read, name="mark_read"),
    path("afmeld/<str:token>/", notifications.unsubscribe_view, name="unsubscribe"),
    path("<slug:slug>/", groups.group_page, name="group"),
    path("<slug:slug>/rediger/", groups.edit_group, name="edit_group"),
    path("<slug:slug>/foelg/", notifications.follow_group, name="follow_group"),
    path("<slug:slug>/bliv-medlem/", groups.join, name="join"),
    path("<slug:slug>/forlad/", groups.leave, name="leave"),
    path("<slug:slug>/inviter/", groups.invite, name="invite"),
    path("<slug:slug>/anmodning/<int:pk>/", groups.decide_request, name="decide_request"),
    path("<slug:slug>/traad/ny/", threads.new_thread, name="new_thread"),
    path("<slug:slug>/traad/<int:pk>/", threads.thread_page, name="thread"),
    path("<slug:slug>/traad/<int:pk>/svar/", threads.post_reply, name="reply"),
    path("<slug:slug>/traad/<int:pk>/foelg/", notifications.follow_thread, name="follow_thread"),
    path("<slug:slug>/traad/<int:pk>/rediger/", threads.edit_thread, name="edit_thread"),
    path("<slug:slug>/traad/<int:pk>/slet/", threads.delete_thread, name="delete_thread"),
    path("<slug:slug>/traad/<int:pk>/moderer/", threads.moderate_thread, name="moderate_thread"),
    path(
        "<slug:slug>/traad/<int:pk>/loesning/<int:reply_pk>/",
        threads.choose_solution,
        name="choose_solution",
    ),
    path("<slug:slug>/svar/<int:pk>/rediger/", threads.edit_reply, name="edit_reply"),
    path("<slug:slug>/svar/<int:pk>/slet/", threads.delete_reply, name="delete_reply"),
]
