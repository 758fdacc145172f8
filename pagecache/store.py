"""Where cached pages live: one cache entry per path and query, in the cache named by PAGE_CACHE_ALIAS."""

import hashlib
from urllib.parse import unquote

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse

KEY_PREFIX = "page:"


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def key_for(url: str) -> str:
    """One key for a path with its query, however it was percent-encoded."""
    return KEY_PREFIX + hashlib.sha256(unquote(url).encode()).hexdigest()


def fetch(url: str) -> HttpResponse | None:
    stored = _cache().get(key_for(url))
    if stored is None:
        return None
    content, headers = stored
    return HttpResponse(content, headers=headers)


def keep(url: str, response: HttpResponse) -> None:
    headers = {name: value for name, value in response.items() if name.lower() != "set-cookie"}
    _cache().set(key_for(url), (response.content, headers), timeout=settings.PAGE_CACHE_TIMEOUT)


def is_kept(url: str) -> bool:
    return _cache().get(key_for(url)) is not None


def forget(urls) -> None:
    _cache().delete_many([key_for(url) for url in urls])


def forget_everything() -> None:
    cache = _cache()
    # django-redis can delete by pattern, leaving sessions and locks in the same database alone;
    # the local-memory cache used elsewhere is dedicated to pages, so clearing it is exact.
    if hasattr(cache, "delete_pattern"):
        cache.delete_pattern(f"{KEY_PREFIX}*")
    else:
        cache.clear()
