"""The shared cache (Redis), failing over to this process's memory while Redis is out of reach.

django-redis's IGNORE_EXCEPTIONS answers "nothing stored" to every call during an outage, and
allauth's rate limits read that as a lock they can never take: every log-in got a 429. Here each
call that cannot reach Redis is answered by a local-memory cache instead, and Redis is left alone
for RETRY_SECONDS before it is tried again, so an outage costs one short timeout, not one per call.

What degrades while Redis is down (README says the same): rate limits and the anonymous page cache
are per process, so a client may try a few more passwords by landing on several workers, and a
publication shows at once only on the worker that made it. Two-factor codes stay single-use,
because their use is recorded in the database (portal.models.UsedTOTPCode).
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.locmem import LocMemCache
from django_redis.cache import RedisCache
from redis.exceptions import ConnectionError, TimeoutError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5
UNREACHABLE = (ConnectionError, TimeoutError, OSError)


class FailoverRedisCache(BaseCache):
    def __init__(self, server, params):
        super().__init__(params)
        options = {**params.get("OPTIONS", {}), "IGNORE_EXCEPTIONS": False}
        self.redis = RedisCache(server, {**params, "OPTIONS": options})
        self.local = LocMemCache(f"failover:{server}", {**params, "OPTIONS": {}})
        self.down_until = 0.0

    @property
    def failing_over(self):
        """True while calls go to this process's memory (for /healthz)."""
        return time.monotonic() < self.down_until

    def _call(self, method, *args, **kwargs):
        if self.failing_over:
            return getattr(self.local, method)(*args, **kwargs)
        try:
            return getattr(self.redis, method)(*args, **kwargs)
        except UNREACHABLE as error:
            self.down_until = time.monotonic() + RETRY_SECONDS
            logger.error(
                "Redis unreachable (%s): this process uses its own memory for %s s",
                type(error).__name__,
                RETRY_SECONDS,
            )
            return getattr(self.local, method)(*args, **kwargs)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", key, value, timeout=timeout, version=version)

    def get(self, key, default=None, version=None):
        return self._call("get", key, default=default, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", key, value, timeout=timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", key, timeout=timeout, version=version)

    def delete(self, key, version=None):
        return self._call("delete", key, version=version)

    def get_many(self, keys, version=None):
        return self._call("get_many", keys, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", data, timeout=timeout, version=version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", keys, version=version)

    def has_key(self, key, version=None):
        return self._call("has_key", key, version=version)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", key, delta=delta, version=version)

    def decr(self, key, delta=1, version=None):
        return self._call("decr", key, delta=delta, version=version)

    def clear(self):
        self.local.clear()
        return self._call("clear")

    def close(self, **kwargs):
        self.redis.close(**kwargs)
