"""manage.py run_scheduler: publish (and expire) scheduled pages every minute, until stopped.

A loop around Wagtail's own `publish_scheduled`, so that nobody has to click at the scheduled time.
Run exactly one of these per site (see the README for production).
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run Wagtail's publish_scheduled every --interval seconds (default 60); --once runs it one time."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60)
        parser.add_argument("--once", action="store_true")

    def handle(self, *args, interval=60, once=False, **options):
        while True:
            call_command("publish_scheduled", stdout=self.stdout)
            if once:
                return
            time.sleep(interval)
