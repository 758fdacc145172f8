"""Keeps Wagtail's own database search backend, which the editors' admin search uses, fast at
100,000 stories: planner statistics on SQLite and PostgreSQL, and on SQLite a backend that ranks
results in one full-text pass (search/sqlite_ranking.py). PostgreSQL serves the admin's title
search from Wagtail's GIN index on ``autocomplete``; migrations/0002_admin_search_index.py adds
one on ``title || body`` for full-text searches.

Settings: ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.admin_search"}}``.
"""

from django.db import connection
from django.db.backends.signals import connection_created
from django.dispatch import receiver
from wagtail.search.backends.database import SearchBackend as wagtail_database_backend

# Enough rows sampled per index for good plans, cheap enough to run on every new connection.
SQLITE_ANALYSIS_LIMIT = 1000


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
    """Planner statistics for every table, after a bulk change such as `update_index`: without them
    both databases choose poor plans for the admin search (PostgreSQL's autovacuum catches up on
    its own, later; SQLite never gathers them unasked)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"PRAGMA analysis_limit={SQLITE_ANALYSIS_LIMIT}")
        cursor.execute("ANALYZE")


@receiver(connection_created)
def keep_sqlite_statistics(sender, connection, **kwargs):
    """`PRAGMA optimize` with 0x10000 gathers statistics that are missing or stale on each new
    connection, as SQLite recommends since 3.46; older versions ignore that bit and only look at
    tables this connection has already queried (none yet), so `update_index` also refreshes them."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA analysis_limit={SQLITE_ANALYSIS_LIMIT}")
            cursor.execute("PRAGMA optimize=0x10002")
