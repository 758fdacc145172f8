"""The front door of the page cache: answers anonymous readers from the cache before Django is entered.

A cached page costs one cache read and no request object, middleware, URL resolving or session:
during a burst of readers that is most requests. Everything else, and every miss, goes on to Django,
where PageCacheMiddleware keeps what may be shared.

A missing page is rendered once, however many readers ask for it at the same moment (after a
publish purged the home page during a burst, say): the first claims the render, the others wait
for it and are answered from the cache. While the cache is unreachable every page is rendered.
"""

import contextlib
import gzip
import logging
import time

from django.conf import settings
from django.http import parse_cookie
from django.utils.encoding import escape_uri_path

from . import store
from .compression import accepts_gzip, gzipped_headers
from .conditional import NOT_MODIFIED_HEADERS, is_not_modified
from .policy import hostname, is_shareable, without_tracking

RENDER_POLL_SECONDS = 0.02
logger = logging.getLogger(__name__)


def request_path(environ) -> str:
    """The path as Django reads it: WSGI servers hand it over as latin-1 text of the UTF-8 bytes."""
    raw = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "/")
    return raw.encode("latin-1").decode("utf-8", errors="replace")


def needs_https_redirect(scheme: str, forwarded_scheme: str | None) -> bool:
    """Plain-HTTP requests go on to Django's SecurityMiddleware, which redirects them.
    ``forwarded_scheme`` is the value of the proxy's header named by SECURE_PROXY_SSL_HEADER."""
    if not settings.SECURE_SSL_REDIRECT or scheme == "https":
        return False
    proxy_header = settings.SECURE_PROXY_SSL_HEADER
    return not (proxy_header and forwarded_scheme == proxy_header[1])


def shareable_url(*, method: str, path: str, query: str, cookie_header: str, https_redirect: bool) -> str | None:
    """The page's key in the cache when every anonymous reader gets the same answer, else None.
    ``path`` is percent-decoded, ``query`` already without tracking parameters."""
    shareable = is_shareable(method=method, path=path, query=query, cookies=parse_cookie(cookie_header))
    if not shareable or https_redirect:
        return None
    return escape_uri_path(path) + (f"?{query}" if query else "")


def representation(page: store.KeptPage, takes_gzip: bool) -> tuple[bytes, dict[str, str]]:
    """The kept page's body and headers as the browser takes them: gzipped if it says so (nearly
    all do), else as rendered."""
    if not page.gzipped:
        return page.content, page.headers
    if takes_gzip:
        return page.content, gzipped_headers(page.headers)
    return gzip.decompress(page.content), page.headers


def answer(chosen, *, method: str, if_none_match: str, if_modified_since: str) -> tuple[str, list, bytes]:
    """The status, headers and body that answer a request with a kept page's chosen representation."""
    content, headers = chosen
    if (if_none_match or if_modified_since) and is_not_modified(
        if_none_match=if_none_match,
        if_modified_since=if_modified_since,
        etag=headers.get("ETag", ""),
        last_modified=headers.get("Last-Modified", ""),
    ):
        return "304 Not Modified", [(k, v) for k, v in headers.items() if k.lower() in NOT_MODIFIED_HEADERS], b""
    return "200 OK", [*headers.items(), ("Content-Length", str(len(content)))], b"" if method == "HEAD" else content


class PageCacheFront:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if environ["REQUEST_METHOD"] in ("GET", "HEAD"):
            # Stripped for Django too, so a page rendered for a shared link keeps no trace of it.
            environ["QUERY_STRING"] = without_tracking(environ.get("QUERY_STRING", ""))
        url = self.url_of(environ)
        if url is None:
            return self.application(environ, start_response)
        host = hostname(environ.get("HTTP_HOST") or environ.get("SERVER_NAME", ""))
        try:
            page = store.fetch(url, host)
            claimed = page is None and store.start_rendering(url)
            if page is None and not claimed:
                page = self.rendered_by_another(url, host)
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
        status, headers, body = answer(
            representation(page, accepts_gzip(environ.get("HTTP_ACCEPT_ENCODING", ""))),
            method=environ["REQUEST_METHOD"],
            if_none_match=environ.get("HTTP_IF_NONE_MATCH", ""),
            if_modified_since=environ.get("HTTP_IF_MODIFIED_SINCE", ""),
        )
        start_response(status, headers)
        return [body]

    @staticmethod
    def rendered_by_another(url: str, host: str) -> store.KeptPage | None:
        """The page once the reader rendering it has kept it; None if it was not kept (a 404, a page
        with a form) or took longer than PAGE_CACHE_RENDER_WAIT, and this reader renders it too."""
        deadline = time.monotonic() + settings.PAGE_CACHE_RENDER_WAIT
        while store.is_rendering(url) and time.monotonic() < deadline:
            time.sleep(RENDER_POLL_SECONDS)
        return store.fetch(url, host)

    @staticmethod
    def url_of(environ) -> str | None:
        proxy_header = settings.SECURE_PROXY_SSL_HEADER
        return shareable_url(
            method=environ["REQUEST_METHOD"],
            path=request_path(environ),
            query=environ.get("QUERY_STRING", ""),
            cookie_header=environ.get("HTTP_COOKIE", ""),
            https_redirect=needs_https_redirect(
                environ.get("wsgi.url_scheme", "http"), environ.get(proxy_header[0]) if proxy_header else None
            ),
        )
