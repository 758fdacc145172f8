"""Several values of the shared cache in one round trip, each decoded only when its bytes change.

For the values every public page reads (cms/sites.py). django-redis reads each key with a round trip
of its own and unpickles it every time: on a story page, those reads took longer than its SQL. The
bytes are still read from Redis each time, so a change made by any app server is seen at once; only
what they decode to is remembered, one value per key. That value is shared by every request of this
process, so only values no one changes belong here. Without Redis (the default setup), the cache's
own ``get_many`` reads them.
"""

import logging
import socket

from django.core.cache import caches
from django_redis.cache import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
# What django-redis counts as Redis not answering (django_redis.client.default).
UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, ResponseError, socket.timeout)

Key = tuple[str, int | None]  # a key of the default cache and its version (None: the cache's own)
# Where a request keeps the values read for it (cms/sites.py), by Key.
REQUEST_ATTRIBUTE = "shared_cache_values"

_decoded: dict[str, tuple[bytes, object]] = {}  # Redis key: (the bytes last read, what they decode to)


def read_for_request(request, key: Key):
    """The value read for this request under ``key``, or None when it was not read or not kept."""
    return getattr(request, REQUEST_ATTRIBUTE, {}).get(key)


def read_many(keys: list[Key]) -> dict[Key, object]:
    """The values kept under ``keys``; keys with no value are left out, as when Redis does not
    answer (the default cache acts as empty then, as configured in config/settings/base.py)."""
    cache = caches["default"]
    if not isinstance(cache, RedisCache):
        return {
            (key, version): value for key, version in keys if (value := cache.get(key, version=version)) is not None
        }
    redis_keys = [str(cache.make_key(key, version=version)) for key, version in keys]
    try:
        stored = cache.client.get_client(write=False).mget(redis_keys)
    except UNAVAILABLE:
        logger.exception("Redis did not answer; the shared values are read as missing")
        return {}
    found = {}
    for key, redis_key, kept in zip(keys, redis_keys, stored, strict=True):
        if kept is None:
            continue
        remembered = _decoded.get(redis_key)
        if remembered is None or remembered[0] != kept:
            remembered = _decoded[redis_key] = (kept, cache.client.decode(kept))
        found[key] = remembered[1]
    return found
