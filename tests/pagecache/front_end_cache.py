"""A front-end cache for the tests: a Wagtail frontend_cache backend that records what it is told to purge."""

from wagtail.contrib.frontend_cache.backends.base import BaseBackend

purged: list[str] = []


class RecordingBackend(BaseBackend):
    def purge(self, url) -> None:
        purged.append(url)
