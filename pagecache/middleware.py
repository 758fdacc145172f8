"""Keeps anonymous readers' pages in the cache, with ETags and Cache-Control a CDN or nginx can use.

It comes first in MIDDLEWARE after compression (which it does for kept pages itself, once:
pagecache/compression.py), so that a kept page carries every header the site sends; cached pages are
answered by the front door (pagecache/front.py) before Django is entered.
"""

import contextlib

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.http import parse_http_date_safe

from . import store
from .policy import hostname, is_anonymous, may_answer_from_cache, may_keep
from .shown import also_showing


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    @staticmethod
    def purge_marks(request) -> tuple | None:
        """The purge marks as the render starts; None when the cache is unreachable, and the page
        is then served without being kept."""
        try:
            return store.purge_marks(request.get_full_path())
        except store.Unavailable:
            return None

    def __call__(self, request):
        shareable = may_answer_from_cache(request)
        marks_at_start = self.purge_marks(request) if shareable else None
        response = self.get_response(request)
        if not shareable:
            if not is_anonymous(request.COOKIES) and not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_cache=True)
            return response
        if not may_keep(request, response):
            return response
        set_response_etag(response)
        # Sent gzipped or not: a shared cache in front must keep each for the browsers that take it.
        patch_vary_headers(response, ("Accept-Encoding",))
        patch_cache_control(
            response,
            public=True,
            max_age=settings.PAGE_CACHE_BROWSER_MAX_AGE,
            s_maxage=settings.PAGE_CACHE_SHARED_MAX_AGE,
        )
        if marks_at_start is not None:
            with contextlib.suppress(store.Unavailable):
                store.keep(
                    request.get_full_path(),
                    response,
                    host=hostname(request.get_host()),
                    marks_at_start=marks_at_start,
                    also_showing=also_showing(request),
                )
        # Feeds carry their own Last-Modified; polling readers that send If-Modified-Since get a 304 too.
        last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
        return get_conditional_response(request, etag=response["ETag"], last_modified=last_modified, response=response)
