from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("", views.my_registrations, name="my_registrations"),
    path("<slug:kind>/<id:pk>/afmeld/", views.cancel_my_registration, name="cancel_registration"),
]
