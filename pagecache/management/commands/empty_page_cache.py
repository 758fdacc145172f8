"""Empties the page cache. Run it after Redis was unreachable from an app server while stories
changed: that server's purges were lost (logged as "Could not purge"), so kept pages may be stale."""

from django.core.management.base import BaseCommand

from pagecache import store


class Command(BaseCommand):
    help = __doc__.splitlines()[0]

    def handle(self, **options):
        store.forget_everything()
        self.stdout.write("Page cache emptied.")
