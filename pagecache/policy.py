"""Which requests may be answered from the page cache, and which responses may be kept in it."""

import re
from urllib.parse import unquote_plus

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from wagtail.models import Site

LISTING_PAGE_QUERY = re.compile(r"page=([2-9]|[1-9][0-9]+)")
PERSONAL_CACHE_CONTROL = ("private", "no-cache", "no-store")
# Parameters that only tell analytics where a reader came from (a link shared on Telegram, Instagram
# or in a newsletter): no page depends on them, and a burst of readers from one shared link must not
# miss the cache.
TRACKING_PARAMETER = re.compile(r"utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|mc_cid|mc_eid")


def without_tracking(query: str) -> str:
    """The query string without tracking parameters, every other parameter kept as it was written."""
    kept = [
        part
        for part in query.split("&")
        if part and not TRACKING_PARAMETER.fullmatch(unquote_plus(part.partition("=")[0]).lower())
    ]
    return "&".join(kept)


def listing_page_number(query: str) -> int | None:
    """1 for no query, N for ``page=N``; None for any other query (searches, tracking parameters...)."""
    if not query:
        return 1
    match = LISTING_PAGE_QUERY.fullmatch(query)
    return int(match.group(1)) if match else None


def is_anonymous(cookies) -> bool:
    # Readers never get a session: anyone who has one (editors, reporters, someone half-way through
    # logging in) is served fresh, so no page rendered for a person is ever shared.
    return settings.SESSION_COOKIE_NAME not in cookies


def is_shareable(*, method: str, path: str, query: str, cookies) -> bool:
    """Whether a request is for a page that every anonymous reader sees the same."""
    if not settings.PAGE_CACHE_ENABLED:
        return False
    if method not in ("GET", "HEAD") or not is_anonymous(cookies):
        return False
    if path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PREFIXES)):
        return False
    number = listing_page_number(query)
    return number is not None and number <= settings.PAGE_CACHE_LISTING_PAGES


def may_answer_from_cache(request: HttpRequest) -> bool:
    return is_shareable(
        method=request.method,
        path=request.path,
        query=request.META.get("QUERY_STRING", ""),
        cookies=request.COOKIES,
    )


def hostname(host_header: str) -> str:
    """The host a page is asked for, without its port; empty for a malformed Host header."""
    return split_domain_port(host_header)[0]


def may_keep(request: HttpRequest, response: HttpResponse) -> bool:
    """Only complete, impersonal pages of the default site (the purges know its addresses only): no
    cookie set, no CSRF token in a form, not marked private."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    site = Site.find_for_request(request)
    if site is None or not site.is_default_site:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or getattr(request, "is_preview", False):
        return False
    cache_control = response.get("Cache-Control", "")
    return not any(word in cache_control for word in PERSONAL_CACHE_CONTROL)
