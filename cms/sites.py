"""Which Wagtail site a request is for, remembered per host in the shared cache.

Wagtail looks the site up with a query on every request (with a CASE ordering that costs several
milliseconds of CPU here), and its home page with another; sites and home pages change only when an
administrator edits one, and then the remembered answers are forgotten (cms/signals.py).
"""

from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

CACHE_KEY = "sites-by-host"


def site_for_host(hostname: str, port: int) -> Site | None:
    known = cache.get(CACHE_KEY) or {}
    if (hostname, port) not in known:
        try:
            site = get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            return None
        # Kept with the site: every request is routed from the home page, which would otherwise
        # cost a query each time.
        site.root_page.specific  # noqa: B018
        known[(hostname, port)] = site
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
        request._wagtail_site = site_for_host(hostname, request.get_port())
        return self.get_response(request)
