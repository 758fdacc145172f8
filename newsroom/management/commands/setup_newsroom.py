"""manage.py setup_newsroom: create or complete the roles and the neighbourhoods' desks (idempotent)."""

from django.core.management.base import BaseCommand

from newsroom.roles import setup_newsroom


class Command(BaseCommand):
    help = "Create or complete the newsroom's roles and a desk for every neighbourhood. Safe to run again."

    def handle(self, *args, **options):
        setup_newsroom()
        self.stdout.write(self.style.SUCCESS("The newsroom's roles and desks are in place."))
