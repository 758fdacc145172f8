"""Purging: the page cache, and the front-end cache (CDN, nginx) when WAGTAILFRONTENDCACHE is set."""

import logging

from django.conf import settings
from django.db import transaction
from wagtail.models import Site

from . import store

logger = logging.getLogger(__name__)


def purge(urls: set[str]) -> None:
    """Forget these URLs once the change that made them stale is committed, so no reader can cache
    the old version again between the purge and the commit."""
    if urls:
        transaction.on_commit(lambda: _purge_now(urls))


def purge_everything() -> None:
    transaction.on_commit(_purge_everything_now)


def _purge_now(urls: set[str]) -> None:
    try:
        store.forget(urls)
        if getattr(settings, "WAGTAILFRONTENDCACHE", None):
            _purge_front_end(urls)
    except Exception:
        # A purge must never undo a publish; the failure is logged loudly for the operator instead.
        logger.exception("Could not purge %d cached URLs: %s", len(urls), sorted(urls))


def _purge_everything_now() -> None:
    try:
        store.forget_everything()
    except Exception:
        logger.exception("Could not empty the page cache")
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        logger.warning("Site-wide change: the front-end cache keeps pages until PAGE_CACHE_SHARED_MAX_AGE runs out.")


def _purge_front_end(urls: set[str]) -> None:
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    root = Site.objects.get(is_default_site=True).root_url
    purge_urls_from_cache([root + url for url in sorted(urls)])
