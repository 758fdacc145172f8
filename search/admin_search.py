"""Keeps Wagtail's own database search backend, which the editors' admin search uses, fast at
100,000 stories: SQLite gets the table statistics its planner needs, PostgreSQL the GIN index on
the expression Wagtail actually queries (see migrations/0002_admin_search_index.py)."""

from django.db.backends.signals import connection_created
from django.dispatch import receiver

# Enough rows sampled per index for good plans, cheap enough to run on every new connection.
SQLITE_ANALYSIS_LIMIT = 1000


@receiver(connection_created)
def keep_sqlite_statistics(sender, connection, **kwargs):
    """Without statistics (ANALYZE has never run) SQLite scans the search index in the wrong order;
    `PRAGMA optimize` gathers them when missing or stale, as SQLite recommends for each connection."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA analysis_limit={SQLITE_ANALYSIS_LIMIT}")
            cursor.execute("PRAGMA optimize=0x10002")
