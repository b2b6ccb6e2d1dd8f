"""Settings of the test identity provider; `running_provider` passes its URL, database file and
the portal's callback URL in the environment."""

import os
from pathlib import Path

SECRET_KEY = "test-identity-provider-only"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "oidc_provider",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
ROOT_URLCONF = "tests.identity_provider.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [Path(__file__).parent / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    }
]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ["IDENTITY_PROVIDER_DATABASE"],
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
USE_TZ = True
# The portal runs on the same host: the provider's cookies must not take the portal's names.
SESSION_COOKIE_NAME = "idp_sessionid"
CSRF_COOKIE_NAME = "idp_csrftoken"

LOGIN_URL = "/login/"
SITE_URL = os.environ["IDENTITY_PROVIDER_URL"]
OIDC_USERINFO = "tests.identity_provider.claims.userinfo"
OIDC_EXTRA_SCOPE_CLAIMS = "tests.identity_provider.claims.MunicipalityClaims"
# A real provider is asked for discovery on every log-in; no cache lies to the outage test.
OIDC_DISCOVERY_CACHE_ENABLE = False
PORTAL_REDIRECT_URI = os.environ["IDENTITY_PROVIDER_REDIRECT_URI"]
# Its log (requests and the provider's reasons for refusing) is the test's evidence and diagnosis.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "django.server": {"handlers": ["console"], "level": "INFO"},
        "oidc_provider": {"handlers": ["console"], "level": "DEBUG"},
    },
}
