"""Settings for the benchmark server: the base settings with DEBUG off and a hello-world URL.

bench/pages.py sets DATABASE_URL, BENCH_STATIC_ROOT and BENCH_MEDIA_ROOT before Django starts,
so the server and the in-process query counts read the same temporary database and files.
"""

import os
from pathlib import Path

from portal.settings.base import *  # noqa: F403

DEBUG = False
ROOT_URLCONF = "bench.urls"
STATIC_ROOT = Path(os.environ["BENCH_STATIC_ROOT"])
MEDIA_ROOT = Path(os.environ["BENCH_MEDIA_ROOT"])
# Synchronous tasks: nothing the benchmark does should wait for a worker that is not running.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING = {
    **LOGGING,  # noqa: F405
    "root": {"handlers": ["console"], "level": "WARNING"},
}
# bench/data.py indexes its pages in bulk, far faster than one save at a time.
WAGTAILSEARCH_BACKENDS = {
    name: {**backend, "AUTO_UPDATE": False}
    for name, backend in WAGTAILSEARCH_BACKENDS.items()  # noqa: F405
}
# Hashed names as in production, without compressing every file: the benchmark serves no assets.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
# Each worker's local-memory cache stands in for production's Redis. Django's default bound of
# 300 entries was filled by the first-time searches (about 13 entries each), which pushed the
# networks' generations out between rounds, so every network fragment was rendered again.
CACHES = {
    name: {**cache, "OPTIONS": {"MAX_ENTRIES": 100_000, **cache.get("OPTIONS", {})}}
    if cache["BACKEND"].endswith("LocMemCache")
    else cache
    for name, cache in CACHES.items()  # noqa: F405
}
