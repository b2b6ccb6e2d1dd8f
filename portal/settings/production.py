"""Production: the base settings, hardened. Every secret and address comes from the environment,
read through base's `env`; whatever the environment says, nothing insecure is switched on."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import LOG_FORMATS, LOGGING, env

if not env("SECRET_KEY"):
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
if not env("DATABASE_URL"):
    raise ImproperlyConfigured("DATABASE_URL must be set in production.")
if not env("REDIS_URL"):
    raise ImproperlyConfigured(
        "REDIS_URL must be set in production: without a shared cache each worker keeps its own "
        "rate limits and page cache, so log-in attempts are limited per worker, not per client."
    )

DEBUG = False
# JSON log lines for the log collector unless LOG_FORMAT=text.
LOGGING["formatters"]["portal"] = LOG_FORMATS[env("LOG_FORMAT", "json")]
SERVE_IMAGES = env("SERVE_IMAGES", "false").lower() == "true"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT", "true").lower() == "true"
# The load balancer asks for /healthz over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = False
