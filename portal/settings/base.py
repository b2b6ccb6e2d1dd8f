"""Settings for every environment.

This is the one module that reads the environment. With nothing set the portal runs embedded:
SQLite, Wagtail's database search, a local-memory cache and e-mail on the console. Each optional
service is switched on only by its variable (DATABASE_URL, REDIS_URL, ELASTICSEARCH_URL).
"""

import os
from pathlib import Path

import dj_database_url

from portal import security_headers

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    """An environment variable; an empty one counts as unset."""
    return os.environ.get(name) or default


SECRET_KEY = env("SECRET_KEY", "embedded-development-key-never-use-in-production")
DEBUG = env("DEBUG", "false").lower() == "true"
ALLOWED_HOSTS = [h for h in env("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in env("CSRF_TRUSTED_ORIGINS", "").split(",") if o]
WAGTAILADMIN_BASE_URL = env("BASE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "portal",
    "events",
    "guidance",
    "monitoring",
    "network",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "portal.apps.PortalUsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "portal.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "django_htmx",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "django_guid",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",
]

MIDDLEWARE = [
    # A request id (the client's X-Request-ID or a new one) on every log line and response.
    "django_guid.middleware.guid_middleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.security_headers.ContentSecurityPolicyMiddleware",
    "portal.security_headers.PrivacyHeadersMiddleware",
    "portal.cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.sessions.SessionRenewalMiddleware",
    "portal.language.CookieLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.audit.AuditContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "portal.accounts.provider_outage.ProviderOutageMiddleware",
    "portal.mfa.RequireMFAMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

# Content-Security-Policy and the other security headers: portal/security_headers.py.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": security_headers.directives(env("OIDC_SERVER_URL"))}

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]
FORM_RENDERER = "portal.forms.DesignSystemFormRenderer"

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the web server and the task worker share the file.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if env("REDIS_URL"):
    # Redis, answered from this process's memory while Redis is out of reach.
    default_cache = {
        "BACKEND": "portal.shared_cache.FailoverRedisCache",
        "LOCATION": env("REDIS_URL"),
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
    }
elif env("CACHE_DIR"):
    # One cache in files for the processes of one machine (`make demo`: the web server, the task
    # worker, scheduled publishing), so a change made by one invalidates what the others keep.
    default_cache = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": env("CACHE_DIR"),
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
else:
    default_cache = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "tilsynsportalen",
    }
CACHES = {"default": {**default_cache, "TIMEOUT": 600}}

AUTH_USER_MODEL = "portal.User"
# Django's and allauth's, each reading a request's user with their roles in one query.
AUTHENTICATION_BACKENDS = [
    "portal.auth_backends.ModelBackend",
    "portal.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# One door: allauth's log-in is the only way in (see portal/urls.py for the doors it replaces).
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "/konto/login/"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = False
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHOW_PASSWORD_RESTRICTION": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHOW_PASSWORD_RESTRICTION": False}
ACCOUNT_ADAPTER = "portal.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# allauth's e-mails name the portal, not the host they were requested on.
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Tilsynsportalen] "
# The owner is told by e-mail of every change to their account's password, addresses and
# two-factor methods (in Danish, templates/account/email/).
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_FORMS = {"reset_password": "portal.accounts.forms.PrimaryAddressResetPasswordForm"}
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "delete_account": "5/15m/user",
}
# Behind a reverse proxy, the client address is read from X-Forwarded-For, trusting only the
# configured number of proxies in front of the portal; with 0 it is the connection's address.
ALLAUTH_TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = "Tilsynsportalen"
MFA_FORMS = {
    "authenticate": "portal.accounts.totp.SingleUseAuthenticateForm",
    "reauthenticate": "portal.accounts.totp.SingleUseReauthenticateForm",
}
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = env("MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN", "true") == "true"
# Eight hours idle: portal.sessions.SessionRenewalMiddleware renews the expiry every few minutes.
SESSION_COOKIE_AGE = 8 * 60 * 60
# Django's database sessions, read with SQL written once per process.
SESSION_ENGINE = "portal.session_store"

# Single sign-on through OpenID Connect (a municipal identity provider or a MitID Erhverv broker).
SOCIALACCOUNT_PROVIDERS = {}
SOCIALACCOUNT_ADAPTER = "portal.accounts.adapter.SocialAccountAdapter"
# An address the provider has not verified is verified by e-mail here, as at sign-up.
SOCIALACCOUNT_EMAIL_VERIFICATION = "mandatory"
SOCIALACCOUNT_ONLY = False
OIDC_MUNICIPALITY_CLAIM = env("OIDC_MUNICIPALITY_CLAIM", "")
# Styrelse's own e-mail domains: a verified address there makes a network member at once, as a
# municipality's domain does (network/admission.py).
STYRELSE_EMAIL_DOMAINS = [
    d.strip().lower() for d in env("STYRELSE_EMAIL_DOMAINS", "bpst.dk").split(",") if d.strip()
]


def openid_connect_providers(server_url, client_id, secret, provider_id="kommune", **options):
    """allauth's configuration of one OpenID Connect provider, with PKCE (the tests use it too)."""
    return {
        "openid_connect": {
            "OAUTH_PKCE_ENABLED": True,
            "APPS": [
                {
                    "provider_id": provider_id,
                    "name": options.get("name") or "Kommunalt log-in",
                    "client_id": client_id,
                    "secret": secret,
                    "settings": {
                        "server_url": server_url,
                        "token_auth_method": options.get("token_auth_method")
                        or "client_secret_basic",
                    },
                }
            ],
        }
    }


if env("OIDC_SERVER_URL"):
    SOCIALACCOUNT_PROVIDERS = openid_connect_providers(
        env("OIDC_SERVER_URL"),
        env("OIDC_CLIENT_ID", ""),
        env("OIDC_CLIENT_SECRET", ""),
        env("OIDC_PROVIDER_ID", "kommune"),
        name=env("OIDC_PROVIDER_NAME"),
        token_auth_method=env("OIDC_TOKEN_AUTH_METHOD"),
    )

LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True
# The admin is Danish for everyone, whatever language the public site was read in; Wagtail's own
# Danish catalogue is incomplete, so locale/da completes the strings the editors meet.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("da", "Dansk")]
WAGTAIL_I18N_ENABLED = False

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
STATICFILES_DIRS = [
    BASE_DIR / "portal" / "assets",
    ("dkfds", BASE_DIR / "node_modules" / "dkfds" / "dist"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
# The embedded portal serves uploaded images itself; production lets the web server do it.
SERVE_IMAGES = env("SERVE_IMAGES", "true").lower() == "true"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env("EMAIL_USE_TLS", "false").lower() == "true"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Tilsynsportalen <noreply@tilsynsportalen.dk>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

WAGTAIL_SITE_NAME = "Tilsynsportalen"
WAGTAILIMAGES_IMAGE_MODEL = "portal.PortalImage"
WAGTAILDOCS_DOCUMENT_MODEL = "portal.PortalDocument"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "csv", "odt", "ods"]
WAGTAIL_USER_EDIT_FORM = None
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {
            "features": ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
        },
    }
}
# No avatars from Gravatar: it would learn staff e-mail hashes, and the admin's policy allows
# images from the portal only.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Addresses in ASCII, with æ, ø and å written out as ae, oe and aa (portal/slugs.py).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True


def search_backends(elasticsearch_url=None):
    """Wagtail's search backends: Elasticsearch when its URL is given, the database otherwise.

    With Elasticsearch the "database" backend is kept up to date too and answers during an
    outage. On PostgreSQL the database backend uses full-text search, and the "danish"
    configuration stems the words ("tilsynet" finds "tilsyn").
    """
    database = {"BACKEND": "portal.search.database", "SEARCH_CONFIG": "danish"}
    if not elasticsearch_url:
        return {"default": database}
    return {
        "default": {
            # Danish analysis with compounds and the editors' synonyms (portal/search/elastic.py);
            # `manage.py search_reindex` builds a new index and moves the alias to it.
            "BACKEND": "portal.search.elastic",
            "URLS": [elasticsearch_url],
            "INDEX_PREFIX": env("ELASTICSEARCH_INDEX_PREFIX", "tilsynsportalen_"),
            "ATOMIC_REBUILD": True,
            "TIMEOUT": 5,
            "OPTIONS": {"max_retries": 1},
        },
        "database": database,
    }


WAGTAILSEARCH_BACKENDS = search_backends(env("ELASTICSEARCH_URL"))

TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

DJANGO_GUID = {"GUID_HEADER_NAME": "X-Request-ID", "RETURN_HEADER": True}

# One line per event on standard error, each with its request id: plain text by default, JSON
# objects with LOG_FORMAT=json (production's default) for a log collector.
LOG_FORMATS = {
    "text": {"format": "%(asctime)s %(levelname)s [%(correlation_id)s] %(name)s: %(message)s"},
    "json": {
        "()": "pythonjsonlogger.json.JsonFormatter",
        "format": "%(asctime)s %(levelname)s %(name)s %(correlation_id)s %(message)s",
        "rename_fields": {"asctime": "time", "levelname": "level", "correlation_id": "request_id"},
    },
}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "django_guid.log_filters.CorrelationId"}},
    "formatters": {"portal": LOG_FORMATS[env("LOG_FORMAT", "text")]},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "portal",
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_guid": {"level": "WARNING"},
        "wagtail": {"level": env("WAGTAIL_LOG_LEVEL", "WARNING")},
    },
}

# /healthz reports the task worker as behind when a task has waited longer than this (seconds).
HEALTH_MAX_TASK_AGE = int(env("HEALTH_MAX_TASK_AGE", "900"))

# Uploaded key-figure files: kept out of the public media folder.
IMPORT_ROOT = Path(env("IMPORT_ROOT", str(BASE_DIR / "var" / "imports")))

# Files members share in network groups: outside MEDIA_ROOT, so no media URL or web server rule
# can serve them; only network's permission-checked views do. The size limit is per file; Django
# streams uploads above FILE_UPLOAD_MAX_MEMORY_SIZE to a temporary file, so large files never sit
# in memory (DATA_UPLOAD_MAX_MEMORY_SIZE does not count files). Cap whole requests at the proxy.
NETWORK_FILES_ROOT = Path(env("NETWORK_FILES_ROOT", str(BASE_DIR / "var" / "network-files")))
NETWORK_MAX_UPLOAD_BYTES = int(env("NETWORK_MAX_UPLOAD_BYTES", str(10 * 1024 * 1024)))
NETWORK_MAX_ATTACHMENTS = 5

# Monitoring judges deadlines on this date (YYYY-MM-DD) instead of today; `make demo` sets it to
# the synthetic data's evaluation date.
MONITORING_EVALUATION_DATE = env("MONITORING_EVALUATION_DATE")
