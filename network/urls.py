from django.urls import path

from network.views import files, groups, library, meetings, moderation, threads

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
    path("<slug:slug>/moeder/", meetings.meeting_list, name="meetings"),
    path("<slug:slug>/moeder/nyt/", meetings.create_meeting, name="create_meeting"),
    path("<slug:slug>/moeder/<int:pk>/", meetings.meeting_page, name="meeting"),
    path("<slug:slug>/moeder/<int:pk>/rediger/", meetings.edit_meeting, name="edit_meeting"),
    path("<slug:slug>/moeder/<int:pk>/tilmeld/", meetings.register, name="meeting_register"),
    path("<slug:slug>/moeder/<int:pk>/afmeld/", meetings.cancel, name="meeting_cancel"),
    path(
        "<slug:slug>/moeder/<int:pk>/kalender.ics",
        meetings.meeting_calendar,
        name="meeting_calendar",
    ),
    path("<slug:slug>/vedhaeftning/<int:pk>/", files.attachment_file, name="attachment_file"),
    path("<slug:slug>/dokumenter/", library.library_page, name="library"),
    path("<slug:slug>/dokumenter/ny/", library.upload_document, name="upload_document"),
    path("<slug:slug>/dokumenter/<int:pk>/", files.document_file, name="document_file"),
    path("<slug:slug>/dokumenter/<int:pk>/slet/", library.delete_document, name="delete_document"),
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
