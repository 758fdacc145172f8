"""Answers anonymous readers from the page cache, with ETags and Cache-Control a CDN or nginx can use."""

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import parse_http_date_safe

from . import store
from .policy import is_anonymous, may_answer_from_cache, may_keep


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_answer_from_cache(request):
            response = self.get_response(request)
            if not is_anonymous(request) and not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_cache=True)
            return response
        url = request.get_full_path()
        response = store.fetch(url)
        if response is None:
            response = self.get_response(request)
            if not may_keep(request, response):
                return response
            set_response_etag(response)
            patch_cache_control(
                response,
                public=True,
                max_age=settings.PAGE_CACHE_BROWSER_MAX_AGE,
                s_maxage=settings.PAGE_CACHE_SHARED_MAX_AGE,
            )
            store.keep(url, response)
        # Feeds carry their own Last-Modified; polling readers that send If-Modified-Since get a 304 too.
        last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
        return get_conditional_response(request, etag=response["ETag"], last_modified=last_modified, response=response)
