"""Where cached pages live: one cache entry per path and query, in the cache named by PAGE_CACHE_ALIAS."""

import hashlib
import math
import uuid
from typing import NamedTuple
from urllib.parse import unquote

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from redis.exceptions import RedisError

from .compression import gzipped

KEY_PREFIX = "page:"
# What the shared page cache raises when Redis does not answer (the in-process cache never does).
Unavailable = RedisError
# Outside KEY_PREFIX, so that forget_everything's pattern spares it.
EVERYTHING_PURGED_KEY = "pagecache:purged"
# The length is the answer's own; no cookie is ever shared.
UNKEPT_HEADERS = ("set-cookie", "content-length")


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def key_for(url: str) -> str:
    """One key for a path with its query, however it was percent-encoded."""
    return KEY_PREFIX + hashlib.sha256(unquote(url).encode()).hexdigest()


class KeptPage(NamedTuple):
    """A page's body, gzipped when that was worth it, and its headers as they were sent when it was
    rendered."""

    content: bytes
    headers: dict[str, str]
    gzipped: bool


def fetch(url: str, host: str) -> KeptPage | None:
    return rendered_for(_cache().get(key_for(url)), host)


def rendered_for(kept, host: str) -> KeptPage | None:
    """A kept page is only for the host it was rendered for: another host may be another site."""
    if kept is None or len(kept) != 4 or kept[3] != host:
        return None
    return KeptPage(*kept[:3])


def purge_marks(url: str) -> tuple[str | None, str | None]:
    """What the last purge of this page and of the whole cache left behind. A render that sees
    them change between its start and its keep may have read the database before the change."""
    cache = _cache()
    cache.add(EVERYTHING_PURGED_KEY, uuid.uuid4().hex, timeout=None)
    marks = cache.get_many([_purge_mark_key(url), EVERYTHING_PURGED_KEY])
    return marks.get(_purge_mark_key(url)), marks.get(EVERYTHING_PURGED_KEY)


def keep(url: str, response: HttpResponse, *, host: str, marks_at_start: tuple, also_showing=()) -> None:
    """Keeps a page unless a purge ran while it rendered; ``also_showing`` names stories it shows
    that no listing rule accounts for (related stories), so that a change to one of them can find
    this page (``pages_showing``)."""
    headers = {name: value for name, value in response.items() if name.lower() not in UNKEPT_HEADERS}
    compressed = gzipped(response.content, headers)
    kept = (compressed or response.content, headers, compressed is not None, host)
    cache = _cache()
    cache.set(key_for(url), kept, timeout=settings.PAGE_CACHE_TIMEOUT)
    # Checked after the set, as purges mark before they delete: a purge either sees this page and
    # deletes it, or leaves a mark seen here.
    if purge_marks(url) != marks_at_start:
        cache.delete(key_for(url))
        return
    for story_id in also_showing:
        key = _showing_key(story_id)
        if hasattr(cache, "sadd"):
            # django-redis: an atomic set, shared by every app server.
            cache.sadd(key, url)
            cache.expire(key, settings.PAGE_CACHE_TIMEOUT)
        else:
            cache.set(key, cache.get(key, set()) | {url}, timeout=settings.PAGE_CACHE_TIMEOUT)


def pages_showing(story_id: int) -> set[str]:
    """Pages kept with this story among their related stories. Read while a story is published, so
    an unreachable cache gives none rather than failing the publish (whose purge then fails too, and
    is logged)."""
    cache = _cache()
    key = _showing_key(story_id)
    try:
        return set(cache.smembers(key) if hasattr(cache, "smembers") else cache.get(key, set()))
    except Unavailable:
        return set()


def _showing_key(story_id: int) -> str:
    return f"{KEY_PREFIX}showing:{story_id}"


def start_rendering(url: str) -> bool:
    """Claims the render of a missing page; False when another process or thread is rendering it."""
    return _cache().add(_rendering_key(url), 1, timeout=math.ceil(settings.PAGE_CACHE_RENDER_WAIT))


def finish_rendering(url: str) -> None:
    _cache().delete(_rendering_key(url))


def is_rendering(url: str) -> bool:
    return _cache().get(_rendering_key(url)) is not None


def _rendering_key(url: str) -> str:
    return KEY_PREFIX + "rendering:" + key_for(url)


def is_kept(url: str) -> bool:
    return _cache().get(key_for(url)) is not None


def _purge_mark_key(url: str) -> str:
    return KEY_PREFIX + "purged:" + key_for(url)


def forget(urls) -> None:
    cache = _cache()
    cache.set_many({_purge_mark_key(url): uuid.uuid4().hex for url in urls}, timeout=settings.PAGE_CACHE_TIMEOUT)
    cache.delete_many([key_for(url) for url in urls])


def forget_everything() -> None:
    cache = _cache()
    cache.set(EVERYTHING_PURGED_KEY, uuid.uuid4().hex, timeout=None)
    # django-redis can delete by pattern, leaving sessions and locks in the same database alone;
    # the local-memory cache used elsewhere is dedicated to pages, so clearing it is exact.
    if hasattr(cache, "delete_pattern"):
        cache.delete_pattern(f"{KEY_PREFIX}*")
    else:
        cache.clear()
