from django.urls import path

from portal.search import views

urlpatterns = [
    path("", views.search, name="search"),
    path("forslag/", views.suggestions, name="search_suggestions"),
]
