"""The page cache's front door on an event loop (config/asgi.py, under gunicorn's asgi worker).

A server with a thread per request spends most of a cached page's time in its own machinery; here a
cached page costs one asynchronous Redis read, with no thread. Everything else (misses, editors,
forms, the admin) goes on to the WSGI application, its own front door included, in a pool of
threads (wsgi_threads.py): renders, waits for another reader's render and Redis outages are
handled there as ever.

Pages are read as the pages cache wrote them, with django-redis's own key and decoding, over a
connection of the door's own (pagecache/pipelined_get.py). Without Redis (the default setup) every
request goes on to the WSGI application.
"""

from django.conf import settings
from django.core.cache import caches

from . import store
from .compression import accepts_gzip
from .front import answer, needs_https_redirect, representation, shareable_url
from .pipelined_get import PipelinedGet, RedisUnavailable
from .policy import hostname, without_tracking
from .wsgi_threads import WsgiInThreads

REDIS_CACHE = "django_redis.cache.RedisCache"
# A page read again byte for byte as last read is neither decoded, nor unzipped, nor are its headers
# encoded again; the memory this takes is bounded.
REMEMBERED_DECODINGS = 256


class Remembered:
    """A kept page as last read from Redis, decoded once, and what was made of it for answers."""

    def __init__(self, kept: bytes, value):
        self.kept = kept
        self.value = value
        self.representations = {}  # takes gzip: (body, headers)
        self.encoded_headers = {}  # (status, takes gzip): the headers as ASGI sends them

    def representation(self, page: store.KeptPage, takes_gzip: bool) -> tuple[bytes, dict[str, str]]:
        if takes_gzip not in self.representations:
            self.representations[takes_gzip] = representation(page, takes_gzip)
        return self.representations[takes_gzip]


class AsgiPageCacheFront:
    def __init__(self, wsgi_application, *, threads: int):
        self.application = WsgiInThreads(wsgi_application, threads=threads)
        cache_settings = settings.CACHES[settings.PAGE_CACHE_ALIAS]
        redis_location = cache_settings["LOCATION"] if cache_settings["BACKEND"] == REDIS_CACHE else None
        self.redis = PipelinedGet(redis_location, timeout=1) if redis_location else None
        # Only its key making and decoding are used, never its connections.
        self.cache = caches[settings.PAGE_CACHE_ALIAS]
        self.remembered: dict[str, Remembered] = {}  # by Redis key

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and self.redis:
            kept = await self.kept_answer(scope)
            if kept is not None:
                status, headers, body = kept
                await send({"type": "http.response.start", "status": status, "headers": headers})
                await send({"type": "http.response.body", "body": body})
                return
        await self.application(scope, receive, send)

    async def kept_answer(self, scope) -> tuple[int, list[tuple[bytes, bytes]], bytes] | None:
        method = scope["method"]
        headers = request_headers(scope)
        proxy_header = settings.SECURE_PROXY_SSL_HEADER
        forwarded = None
        if proxy_header:
            forwarded = headers.get(proxy_header[0].removeprefix("HTTP_").replace("_", "-").lower())
        url = shareable_url(
            method=method,
            path=scope["path"],
            query=without_tracking(scope["query_string"].decode("latin-1")),
            cookie_header=headers.get("cookie", ""),
            https_redirect=needs_https_redirect(scope.get("scheme", "http"), forwarded),
        )
        if url is None:
            return None
        found = await self.fetch(url, hostname(headers.get("host", "")))
        if found is None:
            return None
        page, remembered = found
        takes_gzip = accepts_gzip(headers.get("accept-encoding", ""))
        status, answer_headers, body = answer(
            remembered.representation(page, takes_gzip),
            method=method,
            if_none_match=headers.get("if-none-match", ""),
            if_modified_since=headers.get("if-modified-since", ""),
        )
        encoded_headers = remembered.encoded_headers
        kind = (status, takes_gzip)
        if kind not in encoded_headers:
            encoded_headers[kind] = [(name.lower().encode(), text.encode("latin-1")) for name, text in answer_headers]
        return int(status.split()[0]), encoded_headers[kind], body

    async def fetch(self, url: str, host: str):
        """The kept page, or None when it is not kept or Redis does not answer (the WSGI door then
        renders it, and logs the outage)."""
        key = self.cache.make_key(store.key_for(url))
        try:
            kept = await self.redis.get(key)
        except RedisUnavailable:
            return None
        if kept is None:
            return None
        remembered = self.remembered.get(key)
        if remembered is None or remembered.kept != kept:
            if len(self.remembered) >= REMEMBERED_DECODINGS:
                self.remembered.clear()
            remembered = self.remembered[key] = Remembered(kept, self.cache.client.decode(kept))
        page = store.rendered_for(remembered.value, host)
        return None if page is None else (page, remembered)


def request_headers(scope) -> dict[str, str]:
    """The request's headers as text by lower-case name; repeated ones joined, as Django joins them
    (a browser on HTTP/2 may split its cookies)."""
    headers = {}
    for key, value in scope["headers"]:
        name, text = key.decode("latin-1").lower(), value.decode("latin-1")
        if name in headers:
            text = headers[name] + ("; " if name == "cookie" else ",") + text
        headers[name] = text
    return headers
