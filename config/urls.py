"""URLs: the admin and media outside the language prefix; the public site in Persian at "/" and
with the English interface under "/en/"."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import api, feeds, sitemaps


def serve_media(request, path):
    # MEDIA_ROOT is read per request, not at import: tests point it at a temporary folder.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("newsroom/", include("newsroom.urls")),
    # Machine-read addresses, outside the language prefix: feeds, sitemaps, robots.txt, the read API.
    path("feeds/", include(feeds.urlpatterns)),
    *sitemaps.urlpatterns,
    path("api/v2/", api.router.urls),
    path("api/search/", include("search.api_urls")),
]

if settings.SERVE_MEDIA:
    # Development and tests only; production serves media from its storage (see README).
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve_media)]

urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("", include(wagtail_urls)),
    # Wagtail's page pattern allows only \w and hyphens; a half-space (U+200C) typed in a Persian
    # address must reach the page too, whose route() folds it into a hyphen (cms/models/slugs.py).
    re_path(r"^((?:[\w\-\u200c]+/)*)$", wagtail_views.serve),
    prefix_default_language=False,
)
