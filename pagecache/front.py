"""The front door of the page cache: answers anonymous readers from the cache before Django is entered.

A cached page costs one cache read and no request object, middleware, URL resolving or session:
during a burst of readers that is most requests. Everything else, and every miss, goes on to Django,
where PageCacheMiddleware keeps what may be shared.

A missing page is rendered once, however many readers ask for it at the same moment (after a
publish purged the home page during a burst, say): the first claims the render, the others wait
for it and are answered from the cache. While the cache is unreachable every page is rendered.
"""

import contextlib
import logging
import time

from django.conf import settings
from django.http import parse_cookie
from django.utils.encoding import escape_uri_path

from . import store
from .conditional import NOT_MODIFIED_HEADERS, is_not_modified
from .policy import is_shareable, without_tracking

RENDER_POLL_SECONDS = 0.02
logger = logging.getLogger(__name__)


def request_path(environ) -> str:
    """The path as Django reads it: WSGI servers hand it over as latin-1 text of the UTF-8 bytes."""
    raw = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "/")
    return raw.encode("latin-1").decode("utf-8", errors="replace")


def needs_https_redirect(environ) -> bool:
    """Plain-HTTP requests go on to Django's SecurityMiddleware, which redirects them."""
    if not settings.SECURE_SSL_REDIRECT or environ.get("wsgi.url_scheme") == "https":
        return False
    proxy_header = settings.SECURE_PROXY_SSL_HEADER
    return not (proxy_header and environ.get(proxy_header[0]) == proxy_header[1])


class PageCacheFront:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if environ["REQUEST_METHOD"] in ("GET", "HEAD"):
            # Stripped for Django too, so a page rendered for a shared link keeps no trace of it.
            environ["QUERY_STRING"] = without_tracking(environ.get("QUERY_STRING", ""))
        url = self.shareable_url(environ)
        if url is None:
            return self.application(environ, start_response)
        try:
            page = store.fetch(url)
            claimed = page is None and store.start_rendering(url)
            if page is None and not claimed:
                page = self.rendered_by_another(url)
        except store.Unavailable:
            logger.warning("Page cache unavailable: %s rendered fresh", url)
            return self.application(environ, start_response)
        if claimed:
            try:
                return self.application(environ, start_response)
            finally:
                with contextlib.suppress(store.Unavailable):
                    store.finish_rendering(url)
        if page is None:
            return self.application(environ, start_response)
        return self.answer(environ, start_response, page)

    @staticmethod
    def rendered_by_another(url: str) -> tuple[bytes, dict[str, str]] | None:
        """The page once the reader rendering it has kept it; None if it was not kept (a 404, a page
        with a form) or took longer than PAGE_CACHE_RENDER_WAIT, and this reader renders it too."""
        deadline = time.monotonic() + settings.PAGE_CACHE_RENDER_WAIT
        while store.is_rendering(url) and time.monotonic() < deadline:
            time.sleep(RENDER_POLL_SECONDS)
        return store.fetch(url)

    @staticmethod
    def answer(environ, start_response, page):
        content, headers = page
        if is_not_modified(
            if_none_match=environ.get("HTTP_IF_NONE_MATCH", ""),
            if_modified_since=environ.get("HTTP_IF_MODIFIED_SINCE", ""),
            etag=headers.get("ETag", ""),
            last_modified=headers.get("Last-Modified", ""),
        ):
            start_response(
                "304 Not Modified", [(k, v) for k, v in headers.items() if k.lower() in NOT_MODIFIED_HEADERS]
            )
            return [b""]
        start_response("200 OK", [*headers.items(), ("Content-Length", str(len(content)))])
        return [b"" if environ["REQUEST_METHOD"] == "HEAD" else content]

    @staticmethod
    def shareable_url(environ) -> str | None:
        """The page's key in the cache when every anonymous reader gets the same answer, else None."""
        path = request_path(environ)
        query = environ.get("QUERY_STRING", "")
        shareable = is_shareable(
            method=environ["REQUEST_METHOD"],
            path=path,
            query=query,
            cookies=parse_cookie(environ.get("HTTP_COOKIE", "")),
        )
        if not shareable or needs_https_redirect(environ):
            return None
        return escape_uri_path(path) + (f"?{query}" if query else "")
