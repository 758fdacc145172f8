"""A front-end cache for the tests: a Wagtail frontend_cache backend that records what it is told to
purge, and one that is down, reporting each URL it cannot purge as Wagtail's own backends do."""

import logging

from wagtail.contrib.frontend_cache.backends.base import BaseBackend

purged: list[str] = []


class RecordingBackend(BaseBackend):
    def purge(self, url) -> None:
        purged.append(url)


class UnreachableBackend(BaseBackend):
    def purge(self, url) -> None:
        logging.getLogger("wagtail.frontendcache").error("Couldn't purge '%s' from HTTP cache. URLError: refused", url)
