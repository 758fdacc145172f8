"""manage.py run_scheduler: publish (and expire) scheduled pages every minute, until stopped.

A loop around Wagtail's own `publish_scheduled`, so that nobody has to click at the scheduled time.
Each round also retries page cache purges that failed while Redis was unreachable, and front-end
cache purges that a CDN or nginx did not take.
Run exactly one of these per site (see the README for production).
"""

import contextlib
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand

from pagecache import store
from pagecache.front_end import retry_failed_front_end_purges
from pagecache.purge import retry_failed_purges


class Command(BaseCommand):
    help = "Run Wagtail's publish_scheduled every --interval seconds (default 60); --once runs it one time."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60)
        parser.add_argument("--once", action="store_true")

    def handle(self, *args, interval=60, once=False, **options):
        while True:
            call_command("publish_scheduled", stdout=self.stdout)
            with contextlib.suppress(store.Unavailable):
                retry_failed_purges()
            retry_failed_front_end_purges()
            if once:
                return
            time.sleep(interval)
