from django.conf import settings
from django.urls import include, path, re_path, reverse_lazy
from django.views.generic import RedirectView
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from guidance import urls as guidance_urls
from portal import admin_reports, health, views
from portal.accounts import urls as account_urls

# One door: every log-in form other than allauth's is sent to allauth's, so none can skip
# e-mail verification, rate limits or two-factor authentication. Django's admin has no URL.
# A fixed URL, so the doors' own URL arguments (a restriction and page id) are not reversed.
login_door = RedirectView.as_view(url=reverse_lazy("account_login"), query_string=True)
password_reset_door = RedirectView.as_view(pattern_name="account_reset_password")

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("admin/login/", login_door),
    path("admin/password_reset/", password_reset_door),
    path("_util/login/", login_door),
    path("_util/authenticate_with_password/<id:restriction>/<id:page>/", login_door),
    path("admin/reports/", include(admin_reports)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("konto/", include(account_urls)),
    path("konto/tilmeldinger/", include("events.urls")),
    path("konto/", include("allauth.urls")),
    path("monitorering/", include("monitoring.urls")),
    path("api/", include("monitoring.api.urls")),
    path("netvaerk/", include("network.urls")),
    path("sprog/<str:language>/", views.choose_language, name="choose_language"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("soeg/", include("portal.search.urls")),
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

urlpatterns += [
    # Wagtail's page view, with what every request shares taken from memory (portal/routing.py).
    re_path(wagtail_urls.serve_pattern, views.serve_page, name="wagtail_serve"),
    path("", include(wagtail_urls)),
]
