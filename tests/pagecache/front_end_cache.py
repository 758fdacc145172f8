"""A front-end cache for the tests: a Wagtail frontend_cache backend that records what it is told to
purge, and backends that are down, failing as Wagtail's own do: reporting each URL it cannot purge
on Wagtail's logger, on the root logger (as Cloudflare's does on an HTTP error), or raising."""

import logging

from wagtail.contrib.frontend_cache.backends.base import BaseBackend

purged: list[str] = []


class RecordingBackend(BaseBackend):
    def purge(self, url) -> None:
        purged.append(url)


class UnreachableBackend(BaseBackend):
    def purge(self, url) -> None:
        logging.getLogger("wagtail.frontendcache").error("Couldn't purge '%s' from HTTP cache. URLError: refused", url)


class RefusingBackend(BaseBackend):
    def purge(self, url) -> None:
        logging.exception("Couldn't purge '%s' from Cloudflare. HTTPError: %d", url, 403)


class RaisingBackend(BaseBackend):
    def purge(self, url) -> None:
        raise ConnectionError(f"refused while purging {url}")
