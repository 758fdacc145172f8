from django.db import models


class FailedPurge(models.Model):
    """A purge the page cache could not take while Redis was unreachable, kept until it can
    (pagecache/purge.py): otherwise a page purged during the outage could be served stale after it."""

    urls = models.JSONField(default=list)
    everything = models.BooleanField(default=False)
    failed_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return "every page" if self.everything else ", ".join(self.urls)


class FailedFrontEndPurge(models.Model):
    """URLs the front-end cache (WAGTAILFRONTENDCACHE) could not purge, kept until it can
    (pagecache/front_end.py): otherwise a CDN could serve them stale, unpublished stories included,
    until their max-age ran out."""

    urls = models.JSONField(default=list)
    failed_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=1)

    def __str__(self) -> str:
        return ", ".join(self.urls)
