"""An index for "newest stories first" on Wagtail's page table, on PostgreSQL.

Every listing orders stories by ``first_published_at DESC NULLS LAST, id DESC``; without an index
in that order PostgreSQL sorts every live story to show the newest ten (a fifth of a second at
100,000 stories). SQLite writes NULLS LAST as an expression no index can serve, and small sites
do not need one. Built CONCURRENTLY so that it does not lock a live site's page table.
"""

from django.db import migrations

INDEX = "cms_page_newest_first"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {INDEX} "
            "ON wagtailcore_page (first_published_at DESC NULLS LAST, id DESC)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("cms", "0004_photo_privacy"), ("wagtailcore", "0001_initial")]
    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
