from django.urls import path

from network.views import groups, moderation, threads

app_name = "network"

urlpatterns = [
    path("", groups.index, name="index"),
    path("ny/", groups.create_group, name="create_group"),
    path("moderering/", moderation.my_queues, name="my_queues"),
    path("<slug:slug>/", groups.group_page, name="group"),
    path("<slug:slug>/rediger/", groups.edit_group, name="edit_group"),
    path("<slug:slug>/bliv-medlem/", groups.join, name="join"),
    path("<slug:slug>/forlad/", groups.leave, name="leave"),
    path("<slug:slug>/inviter/", groups.invite, name="invite"),
    path("<slug:slug>/anmodning/<int:pk>/", groups.decide_request, name="decide_request"),
    path("<slug:slug>/traad/ny/", threads.new_thread, name="new_thread"),
    path("<slug:slug>/traad/<int:pk>/", threads.thread_page, name="thread"),
    path("<slug:slug>/traad/<int:pk>/svar/", threads.post_reply, name="reply"),
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
    # Reporting and moderation
    path("<slug:slug>/traad/<int:pk>/anmeld/", moderation.report_thread, name="report_thread"),
    path("<slug:slug>/svar/<int:pk>/anmeld/", moderation.report_reply, name="report_reply"),
    path(
        "<slug:slug>/traad/<int:pk>/moderer/indlaeg/",
        moderation.moderate_thread_post,
        name="moderate_thread_post",
    ),
    path("<slug:slug>/svar/<int:pk>/moderer/", moderation.moderate_reply, name="moderate_reply"),
    path("<slug:slug>/moderering/", moderation.queue, name="moderation_queue"),
    path("<slug:slug>/moderering/log/", moderation.log, name="moderation_log"),
    path("<slug:slug>/moderering/medlemmer/", moderation.members, name="moderation_members"),
    path(
        "<slug:slug>/moderering/medlemmer/<int:pk>/",
        moderation.member_action,
        name="member_action",
    ),
]
