"""The search backend chosen by the SEARCH_BACKEND setting; callers never know which one answers."""

from functools import cache

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.module_loading import import_string

from .base import Hit, RelatedQuery, SearchBackend, SearchQuery, SearchResults


@cache
def get_backend() -> SearchBackend:
    return import_string(settings.SEARCH_BACKEND)()


@receiver(setting_changed)
def forget_backend(*, setting, **kwargs):
    if setting.startswith(("SEARCH_", "ELASTICSEARCH_")):
        get_backend.cache_clear()


__all__ = ["Hit", "RelatedQuery", "SearchBackend", "SearchQuery", "SearchResults", "get_backend"]
