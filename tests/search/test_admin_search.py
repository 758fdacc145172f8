"""Editors' search in the Wagtail admin, kept fast at scale by search/admin_search.py, its SQLite
ranking (search/sqlite_ranking.py) and its migration."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from .builders import story

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    client.force_login(get_user_model().objects.create_superuser("editor", "e@example.com", "pass"))
    return client


def listed_ids(response) -> list[int]:
    return [page.pk for page in response.context["pages"]]


def test_editor_finds_a_story_with_the_admin_search(editor, places):
    written = story(places, title="بازسازی پارک گوهردشت")
    call_command("update_index", verbosity=0)
    response = editor.get("/admin/pages/search/", {"q": "پارک"})
    assert response.status_code == 200
    assert written.title in response.content.decode()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the one-pass ranking replaces Wagtail's on SQLite only")
def test_sqlite_admin_search_ranks_as_wagtail_does_with_one_full_text_match_per_query(editor, places):
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    for title in ("پارک", "پارک محله گوهردشت و خیابان اصلی", "بازسازی پارک", "کتابخانه", "پارک پارک"):
        story(places, title=title)
    call_command("update_index", verbosity=0)
    wagtails_order = [page.pk for page in SQLiteSearchBackend({}).autocomplete("پارک", Page.objects.all())]

    with CaptureQueriesContext(connection) as queries:
        response = editor.get("/admin/pages/search/", {"q": "پارک"})

    assert listed_ids(response) == wagtails_order and len(wagtails_order) == 4
    # Wagtail's own query repeats the match inside a subquery run once per matching page.
    assert max(query["sql"].count(" MATCH ") for query in queries) == 1


def test_update_index_leaves_planner_statistics_on_postgresql_and_none_on_sqlite(places):
    story(places, title="آمار جدول‌ها")
    call_command("update_index", verbosity=0)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            # Statistics make SQLite plan the public visibility query as every page times every story.
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
            assert cursor.fetchone()[0] == 0
        else:
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'wagtailsearch_indexentry'")
            assert cursor.fetchone()[0] > 0


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the expression index exists on PostgreSQL only")
def test_postgresql_has_a_gin_index_on_what_wagtail_queries():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_wagtail_title_body_gin'")
        (definition,) = cursor.fetchone()
    assert "gin" in definition and "(title || body)" in definition


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the expression index exists on PostgreSQL only")
def test_postgresql_joins_search_entries_to_pages_through_an_index(editor, places):
    story(places, title="پارک محله")
    call_command("update_index", verbosity=0)
    with CaptureQueriesContext(connection) as queries:
        editor.get("/admin/pages/search/", {"q": "پارک"})
    joins = [query["sql"] for query in queries if "::varchar(50)" in query["sql"]]
    assert joins
    with connection.cursor() as cursor:
        # A table this small is cheaper to scan: forbid scans to see whether the index can serve.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {joins[0]}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_wagtail_page_id_text" in plan
