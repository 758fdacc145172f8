"""A GIN index on ``title || body`` of Wagtail's search entries, on PostgreSQL only.

Wagtail's PostgreSQL search filters on the concatenation of the two tsvectors, which the separate
GIN indexes on ``title`` and on ``body`` cannot serve; without this the admin search scans every
entry. Built CONCURRENTLY so that it does not lock a live site's search table.
"""

from django.db import migrations

INDEX = "search_wagtail_title_body_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry USING GIN ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("search", "0001_pending_changes"), ("wagtailsearch", "0010_add_text_fields")]
    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
