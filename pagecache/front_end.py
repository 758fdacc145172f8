"""Purging the front-end cache (a CDN or nginx, WAGTAILFRONTENDCACHE), until it is done.

Wagtail's backends log a purge they could not make and carry on (or, for some failures, raise).
Here every purge runs as a task (in the task worker in production), and a purge during which a
backend logged an error or raised is kept (FailedFrontEndPurge) and made again by the scheduler
each round, until it goes through.
"""

import logging
import threading

from django.db.models import F
from django_tasks import task
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task

from .models import FailedFrontEndPurge

logger = logging.getLogger(__name__)


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
    # Heard at the root logger: most of Wagtail's backends report on "wagtail.frontendcache", but
    # Cloudflare's reports an HTTP error on the root logger itself.
    errors = _ErrorsInThisThread()
    logging.root.addHandler(errors)
    try:
        purge_urls_from_cache_task.call(urls)
    except Exception:
        logger.exception("Front-end cache purge failed; it will be made again: %s", urls)
        return False
    finally:
        logging.root.removeHandler(errors)
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
