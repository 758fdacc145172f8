"""manage.py load_demo: the demo site with its logins. `--if-empty` is what `make run` uses."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.demo.content import load_demo_content
from cms.models import ArticlePage
from newsroom.demo import DEMO_PASSWORD, create_demo_logins


class Command(BaseCommand):
    help = "Load the demo neighbourhoods, reporters, stories and logins (development only)."

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="Only load when the site has no stories.")

    def handle(self, *args, if_empty=False, **options):
        if not settings.DEBUG:
            raise CommandError("Demo content and logins are for development only (DEBUG is off).")
        if ArticlePage.objects.exists():
            if not if_empty:
                self.stdout.write("The site already has stories; the demo content was not loaded again.")
        else:
            count = load_demo_content()
            self.stdout.write(self.style.SUCCESS(f"Loaded {count} demo stories."))
        rows = create_demo_logins()
        self.stdout.write(f"\nDemo logins at /admin/ (password for all: {DEMO_PASSWORD}):")
        for role, username in rows:
            self.stdout.write(f"  {role:<24} {username}")
