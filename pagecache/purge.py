"""Purging: the page cache, and the front-end cache (CDN, nginx) when WAGTAILFRONTENDCACHE is set."""

import logging

from django.conf import settings
from django.db import transaction
from wagtail.models import Site

from . import store
from .models import FailedPurge

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
        _forget_or_keep_for_later(urls=urls)
        if getattr(settings, "WAGTAILFRONTENDCACHE", None):
            _purge_front_end(urls)
    except Exception:
        # A purge must never undo a publish; the failure is logged loudly for the operator instead.
        logger.exception("Could not purge %d cached URLs: %s", len(urls), sorted(urls))


def _purge_everything_now() -> None:
    try:
        _forget_or_keep_for_later(everything=True)
    except Exception:
        logger.exception("Could not empty the page cache")
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        logger.warning("Site-wide change: the front-end cache keeps pages until PAGE_CACHE_SHARED_MAX_AGE runs out.")


def _forget_or_keep_for_later(*, urls: set[str] = frozenset(), everything: bool = False) -> None:
    try:
        retry_failed_purges()
        if everything:
            store.forget_everything()
        else:
            store.forget(urls)
    except store.Unavailable:
        FailedPurge.objects.create(urls=sorted(urls), everything=everything)
        logger.exception("Page cache unreachable: purge kept to retry (%s)", "everything" if everything else len(urls))


def retry_failed_purges() -> int:
    """Takes the purges that failed while the cache was unreachable, oldest first; raises
    store.Unavailable, keeping the rest, if it still is."""
    failed = list(FailedPurge.objects.order_by("pk"))
    for failure in failed:
        if failure.everything:
            store.forget_everything()
        else:
            store.forget(set(failure.urls))
        failure.delete()
    return len(failed)


def _purge_front_end(urls: set[str]) -> None:
    from .front_end import purge_front_end

    root = Site.objects.get(is_default_site=True).root_url
    purge_front_end.enqueue([root + url for url in sorted(urls)])
