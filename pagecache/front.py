"""The front door of the page cache: answers anonymous readers from the cache before Django is entered.

A cached page costs one cache read and no request object, middleware, URL resolving or session:
during a burst of readers that is most requests. Everything else, and every miss, goes on to Django,
where PageCacheMiddleware keeps what may be shared.
"""

from django.conf import settings
from django.http import parse_cookie
from django.utils.encoding import escape_uri_path

from . import store
from .conditional import NOT_MODIFIED_HEADERS, is_not_modified
from .policy import is_shareable, without_tracking


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
        page = self.cached_page(environ)
        if page is None:
            return self.application(environ, start_response)
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

    def cached_page(self, environ) -> tuple[bytes, dict[str, str]] | None:
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
        return store.fetch(escape_uri_path(path) + (f"?{query}" if query else ""))
