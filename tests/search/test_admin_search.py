"""Editors' search in the Wagtail admin, kept fast at scale by search/admin_search.py and its migration."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection

from .builders import story

pytestmark = pytest.mark.django_db


def test_editor_finds_a_story_with_the_admin_search(client, places):
    written = story(places, title="بازسازی پارک گوهردشت")
    call_command("update_index", verbosity=0)
    client.force_login(get_user_model().objects.create_superuser("editor", "e@example.com", "pass"))
    response = client.get("/admin/pages/search/", {"q": "پارک"})
    assert response.status_code == 200
    assert written.title in response.content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the expression index exists on PostgreSQL only")
def test_postgresql_has_a_gin_index_on_what_wagtail_queries():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_wagtail_title_body_gin'")
        (definition,) = cursor.fetchone()
    assert "gin" in definition and "(title || body)" in definition


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite statistics only")
def test_sqlite_connections_keep_planner_statistics(places):
    story(places, title="آزمون آمار")
    call_command("update_index", verbosity=0)
    connection.close()
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA analysis_limit")
        assert cursor.fetchone()[0] == 1000
