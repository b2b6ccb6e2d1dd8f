"""Settings of the load test's server: production's, plus the hello-world URL, over plain HTTP.

Everything else is as in production (PostgreSQL, the Redis cache, the database task queue, JSON
logs, DEBUG off). Only what TLS would carry is relaxed: the load tool talks to gunicorn on the
loopback without a TLS proxy, so cookies may not demand HTTPS and nothing redirects to it.
"""

import os
from pathlib import Path

from portal.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STATIC_ROOT = Path(os.environ["BENCH_STATIC_ROOT"])
# Sent e-mails are files, one per message, so the run can count what was sent.
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["LOADTEST_OUTBOX"]
LOGGING = {
    **LOGGING,  # noqa: F405
    "root": {"handlers": ["console"], "level": "WARNING"},
}
