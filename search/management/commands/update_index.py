"""Wagtail's `update_index`, followed by fresh planner statistics (search/admin_search.py): it is
the command run after bulk imports, which leave the statistics of the search tables stale."""

from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex

from search.admin_search import refresh_statistics


class Command(WagtailUpdateIndex):
    def handle(self, **options):
        super().handle(**options)
        refresh_statistics()
