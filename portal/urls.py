from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from guidance import urls as guidance_urls
from portal import views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("konto/", include("allauth.urls")),
    path("sprog/<str:language>/", views.choose_language, name="choose_language"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("", include(guidance_urls)),
]

if settings.SERVE_IMAGES:
    # Images only: documents always go through Wagtail's permission-checked view.
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>(images|original_images)/.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns.append(path("", include(wagtail_urls)))
