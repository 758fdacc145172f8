"""The production server as deployed (config/gunicorn.py serving config.asgi), over real HTTP: kept
pages are answered from Redis by the workers' event loops, and everything else reaches Django."""

import gzip
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from cms.models import ArticlePage
from tests.hardening.test_deploy_check import production_environment

ROOT = Path(__file__).resolve().parents[2]
STALE_TITLE = "عنوانی که هنوز نباید دیده شود"

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql" or not settings.REDIS_URL,
        reason="the server is another process: it shares the test database only on PostgreSQL, and needs Redis",
    ),
]


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    """Hashed static files, as a deployment collects them before it starts."""
    static_root = tmp_path_factory.mktemp("static")
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=production_environment(STATIC_ROOT=str(static_root)),
        check=True,
    )
    return static_root


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(static_root, story):
    database = connection.settings_dict
    port = free_port()
    environment = production_environment(
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        REDIS_URL=settings.CACHES[settings.PAGE_CACHE_ALIAS]["LOCATION"],
        STATIC_ROOT=str(static_root),
        SECURE_SSL_REDIRECT="false",
        TWO_FACTOR_ENFORCED="false",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="1",
    )
    gunicorn = subprocess.Popen(
        [Path(sys.executable).parent / "gunicorn", "-c", "config/gunicorn.py", "config.asgi"], cwd=ROOT, env=environment
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        yield base
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)


def get(url: str, **headers):
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30) as answer:
        return answer.status, {name.lower(): value for name, value in answer.getheaders()}, answer.read().decode()


def test_a_page_kept_in_redis_is_answered_without_django(server, story):
    status, headers, body = get(server + story.url)
    assert status == 200
    assert story.title in body
    assert "server" not in headers  # no server name and version in answers
    # Changed behind Wagtail's back, with no purge: only the kept copy still shows the old title.
    ArticlePage.objects.filter(pk=story.pk).update(title=STALE_TITLE)
    assert get(server + story.url)[2] == body
    # A reader with a session is never answered from the cache: Django renders the page afresh.
    assert STALE_TITLE in get(server + story.url, Cookie="sessionid=someone")[2]


def test_a_kept_page_goes_out_gzipped_to_a_browser_that_takes_it(server, story):
    plain = get(server + story.url)[2]
    request = urllib.request.Request(server + story.url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        assert answer.headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(answer.read()).decode() == plain
