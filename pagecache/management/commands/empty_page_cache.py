"""Empties the page cache, at once, of every page whose purge is still waiting for Redis to answer
(the scheduler retries those each minute) or was never recorded."""

from django.core.management.base import BaseCommand

from pagecache import store
from pagecache.models import FailedPurge


class Command(BaseCommand):
    help = __doc__.splitlines()[0]

    def handle(self, **options):
        store.forget_everything()
        FailedPurge.objects.all().delete()  # each was a part of everything
        self.stdout.write("Page cache emptied.")
