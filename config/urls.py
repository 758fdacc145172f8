"""URLs: the admin and media outside the language prefix; the public site in Persian at "/" and
with the English interface under "/en/"."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("newsroom/", include("newsroom.urls")),
]

if settings.SERVE_MEDIA:
    # Development and tests only; production serves media from its storage (see README).
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]

urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)
