"""The portal's URLs plus a Django "hello world" view, the yardstick every page is compared with."""

from django.http import HttpResponse
from django.urls import include, path


def hello(request):
    return HttpResponse("Hello, world", content_type="text/plain")


urlpatterns = [
    path("bench/hello/", hello),
    path("", include("portal.urls")),
]
