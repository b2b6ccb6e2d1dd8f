from django.urls import path

from guidance import feeds, views

urlpatterns = [
    path("soeg/", views.search, name="search"),
    path("nyheder/feed/rss/", feeds.NewsRssFeed(), name="news_rss"),
    path("nyheder/feed/atom/", feeds.NewsAtomFeed(), name="news_atom"),
]
