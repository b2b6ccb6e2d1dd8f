from django.urls import path

from monitoring.api.api import api

urlpatterns = [path("monitoring/v1/", api.urls)]
