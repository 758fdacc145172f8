"""System checks: a half-configured search backend fails `manage.py check` instead of the first search."""

from django.conf import settings
from django.core.checks import Error, register


@register()
def search_backend_is_configured(app_configs, **kwargs):
    if settings.SEARCH_BACKEND.endswith("ElasticsearchBackend") and not settings.ELASTICSEARCH_URL:
        return [
            Error(
                "SEARCH_BACKEND is Elasticsearch but ELASTICSEARCH_URL is empty.",
                hint="Set ELASTICSEARCH_URL, or unset SEARCH_BACKEND to use the embedded index.",
                id="search.E001",
            )
        ]
    return []
