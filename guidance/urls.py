from django.urls import path

from guidance import events_views, feeds

urlpatterns = [
    path("nyheder/feed/rss/", feeds.NewsRssFeed(), name="news_rss"),
    path("nyheder/feed/atom/", feeds.NewsAtomFeed(), name="news_atom"),
    path("arrangementer/kalender.ics", events_views.calendar_feed, name="event_calendar_feed"),
    path(
        "arrangementer/<id:event_id>/kalender.ics",
        events_views.event_calendar,
        name="event_calendar",
    ),
    path("arrangementer/<id:event_id>/tilmeld/", events_views.register, name="event_register"),
    path("arrangementer/<id:event_id>/afmeld/", events_views.cancel, name="event_cancel"),
    path(
        "arrangementer/<id:event_id>/deltagere.<slug:file_format>",
        events_views.participant_list,
        name="event_participants",
    ),
]
