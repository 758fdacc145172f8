"""Which Wagtail site a request is for, remembered per host in the shared cache.

Wagtail looks the site up with a query on every request (with a CASE ordering that costs several
milliseconds of CPU here), and its home page with another; sites and home pages change only when an
administrator edits one, and then the remembered answers are forgotten (cms/signals.py).

The sites are read with the other shared values every page needs, in one round trip
(cms/shared_cache.py): Wagtail's site root paths, for the page's links, and the navigation.
"""

from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION, get_site_for_hostname

from . import navigation
from .shared_cache import REQUEST_ATTRIBUTE, Key, read_many

CACHE_KEY = "sites-by-host"
SITES: Key = (CACHE_KEY, None)
SITE_ROOT_PATHS: Key = (SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION)


def site_for_host(hostname: str, port: int, known: dict | None = None) -> Site | None:
    """The site for this host, from ``known`` (the sites as read from the shared cache) or the
    shared cache; a host not known yet is looked up and added."""
    if known is None:
        known = cache.get(CACHE_KEY) or {}
    if (hostname, port) not in known:
        try:
            site = get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            return None
        # Kept with the site: every request is routed from the home page, which would otherwise
        # cost a query each time.
        site.root_page.specific  # noqa: B018
        known = {**known, (hostname, port): site}  # a copy: what was read may be shared
        cache.set(CACHE_KEY, known, timeout=None)
    return known[(hostname, port)]


def forget_sites() -> None:
    cache.delete(CACHE_KEY)


class KnownSiteMiddleware:
    """Sets the request's site the way Wagtail's ``Site.find_for_request`` keeps it, from the cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # get_host() checks ALLOWED_HOSTS first, so no stranger's Host header is ever remembered.
        hostname = split_domain_port(request.get_host())[0]
        read = read_many([SITES, SITE_ROOT_PATHS, *navigation.cache_keys()])
        setattr(request, REQUEST_ATTRIBUTE, read)
        request._wagtail_site = site_for_host(hostname, request.get_port(), read.get(SITES))
        if SITE_ROOT_PATHS in read:
            # Where Wagtail looks for them first when it makes the request's page URLs.
            request._wagtail_cached_site_root_paths = read[SITE_ROOT_PATHS]
        return self.get_response(request)
