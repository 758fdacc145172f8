"""The page cache's front door on an event loop (config/asgi.py, under gunicorn's asgi worker).

A server with a thread per request spends most of a cached page's time in its own machinery; here a
cached page costs one asynchronous Redis read, with no thread. Everything else (misses, editors,
forms, the admin) goes on to the WSGI application, its own front door included, in a pool of
threads: renders, waits for another reader's render and Redis outages are handled there as ever.

Pages are read as the pages cache wrote them, with django-redis's own key and decoding. Without
Redis (the default setup) every request goes on to the WSGI application.
"""

import redis.asyncio
from a2wsgi import WSGIMiddleware
from django.conf import settings
from django.core.cache import caches
from redis.exceptions import RedisError

from . import store
from .front import answer, needs_https_redirect, shareable_url
from .policy import hostname, without_tracking

REDIS_CACHE = "django_redis.cache.RedisCache"


class AsgiPageCacheFront:
    def __init__(self, wsgi_application, *, threads: int):
        self.application = WSGIMiddleware(wsgi_application, workers=threads)
        cache_settings = settings.CACHES[settings.PAGE_CACHE_ALIAS]
        self.redis_location = cache_settings["LOCATION"] if cache_settings["BACKEND"] == REDIS_CACHE else None
        # Only its key making and decoding are used, never its connections.
        self.cache = caches[settings.PAGE_CACHE_ALIAS]
        self.redis = None  # made in the worker's event loop, on the first request

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and self.redis_location:
            kept = await self.kept_answer(scope)
            if kept is not None:
                status, headers, body = kept
                await send(
                    {
                        "type": "http.response.start",
                        "status": int(status.split()[0]),
                        "headers": [(name.lower().encode(), value.encode("latin-1")) for name, value in headers],
                    }
                )
                await send({"type": "http.response.body", "body": body})
                return
        await self.application(scope, receive, send)

    async def kept_answer(self, scope) -> tuple[str, list, bytes] | None:
        method = scope["method"]
        proxy_header = settings.SECURE_PROXY_SSL_HEADER
        forwarded = header(scope, proxy_header[0].removeprefix("HTTP_").replace("_", "-")) if proxy_header else None
        url = shareable_url(
            method=method,
            path=scope["path"],
            query=without_tracking(scope["query_string"].decode("latin-1")),
            cookie_header=header(scope, "cookie", joined_by="; "),
            https_redirect=needs_https_redirect(scope.get("scheme", "http"), forwarded),
        )
        if url is None:
            return None
        page = await self.fetch(url, hostname(header(scope, "host")))
        if page is None:
            return None
        return answer(
            page,
            method=method,
            if_none_match=header(scope, "if-none-match"),
            if_modified_since=header(scope, "if-modified-since"),
        )

    async def fetch(self, url: str, host: str):
        """The kept page, or None when it is not kept or Redis does not answer (the WSGI door then
        renders it, and logs the outage)."""
        if self.redis is None:
            self.redis = redis.asyncio.from_url(self.redis_location, socket_timeout=1, socket_connect_timeout=1)
        try:
            kept = await self.redis.get(self.cache.make_key(store.key_for(url)))
        except RedisError:
            return None
        return store.rendered_for(None if kept is None else self.cache.client.decode(kept), host)


def header(scope, name: str, *, joined_by: str = ",") -> str:
    """A request header as text; repeated ones joined (a browser on HTTP/2 may split its cookies)."""
    wanted = name.lower().encode()
    return joined_by.join(value.decode("latin-1") for key, value in scope["headers"] if key == wanted)
