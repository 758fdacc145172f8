"""Purging the front-end cache (a CDN or nginx, WAGTAILFRONTENDCACHE), until it is done.

Wagtail's backends log a purge they could not make and carry on. Here every purge runs as a task
(in the task worker in production), and a purge during which a backend logged an error is kept
(FailedFrontEndPurge) and made again by the scheduler each round, until it goes through.
"""

import logging
import threading

from django.db.models import F
from django_tasks import task
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task

from .models import FailedFrontEndPurge

# Where Wagtail's front-end cache backends report a URL they could not purge.
BACKENDS_LOGGER = logging.getLogger("wagtail.frontendcache")


class _ErrorsInThisThread(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.thread = threading.get_ident()
        self.count = 0

    def emit(self, record):
        if record.thread == self.thread:
            self.count += 1


def purged_everywhere(urls: list[str]) -> bool:
    """Purges the URLs from every front-end cache backend now; whether none of them reported an error."""
    errors = _ErrorsInThisThread()
    BACKENDS_LOGGER.addHandler(errors)
    try:
        purge_urls_from_cache_task.call(urls)
    finally:
        BACKENDS_LOGGER.removeHandler(errors)
    return errors.count == 0


@task()
def purge_front_end(urls: list[str]) -> None:
    if not purged_everywhere(urls):
        FailedFrontEndPurge.objects.create(urls=urls)


def retry_failed_front_end_purges() -> None:
    """Purges again what the front-end cache could not purge, oldest first."""
    for failure in FailedFrontEndPurge.objects.order_by("pk"):
        if purged_everywhere(failure.urls):
            failure.delete()
        else:
            FailedFrontEndPurge.objects.filter(pk=failure.pk).update(attempts=F("attempts") + 1)
