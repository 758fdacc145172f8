"""Keeps Wagtail's own database search backend, which the editors' admin search uses, fast at
100,000 stories: planner statistics on PostgreSQL, and on SQLite a backend that ranks
results in one full-text pass (search/sqlite_ranking.py). PostgreSQL serves the admin's title
search from Wagtail's GIN index on ``autocomplete``; migrations/0002_admin_search_index.py adds
one on ``title || body`` for full-text searches.

Settings: ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.admin_search"}}``.
"""

from django.db import connection
from wagtail.search.backends.database import SearchBackend as wagtail_database_backend


# Wagtail looks a backend module's factory up by this name.
def SearchBackend(params):
    """Wagtail's database backend for the database in use, with one-pass ranking on SQLite."""
    backend = wagtail_database_backend(params)
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        from .sqlite_ranking import RankedSQLiteSearchBackend

        if isinstance(backend, SQLiteSearchBackend):
            return RankedSQLiteSearchBackend(params)
    return backend


def refresh_statistics() -> None:
    """Planner statistics on PostgreSQL after a bulk change such as `update_index`, which leaves
    them stale until autovacuum catches up; without them the admin search picks poor plans.

    Never on SQLite: with `sqlite_stat1` present, SQLite plans the public visibility query at
    100,000 stories as a comparison of every page with every story (listing live ids goes from
    1 s to more than 15 minutes), while the admin search's one-pass ranking needs no statistics."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
