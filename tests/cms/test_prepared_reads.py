"""On PostgreSQL the story page's reads are prepared after a few runs on a connection, so PostgreSQL
plans each of them once (config/settings/base.py: server-side binding, DATABASE_PREPARE_THRESHOLD)."""

import pytest
from django.db import connection

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's")


def prepared_statements() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements WHERE NOT from_sql")
        return [statement for (statement,) in cursor.fetchall()]


def test_the_story_page_reads_are_planned_once_per_connection(client, story, settings):
    threshold = connection.settings_dict["OPTIONS"]["prepare_threshold"]
    assert threshold == 5
    for number in range(threshold + 1):
        assert client.get(f"{story.url}?fresh={number}").status_code == 200  # a query string passes the page cache
    statements = prepared_statements()
    # The story with its place, its slugs sent apart from the SQL: one plan for every story.
    assert any("place_page.slug = $5" in statement for statement in statements), statements
    assert any("cms_articlepage_topics" in statement for statement in statements), statements
