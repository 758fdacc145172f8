"""Every public page reads its site, Wagtail's site root paths and the navigation from the shared
cache in one round trip (cms/shared_cache.py), and sees at once what another app server wrote there."""

import pytest
import redis
from django.core.cache import caches
from django_redis.cache import RedisCache

from cms.navigation import CACHE_KEY, Navigation, NavigationLink

redis_only = pytest.mark.skipif(
    not isinstance(caches["default"], RedisCache), reason="the one round trip is Redis's; set REDIS_URL"
)


@pytest.fixture
def redis_commands(monkeypatch):
    """The commands this process sends to Redis, by name, as they go."""
    sent = []
    send = redis.Redis.execute_command

    def counted(self, *args, **options):
        sent.append(args[0])
        return send(self, *args, **options)

    monkeypatch.setattr(redis.Redis, "execute_command", counted)
    return sent


@redis_only
def test_a_story_page_reads_its_shared_values_in_one_round_trip(client, story, redis_commands):
    fresh = story.url + "?fresh"  # a query string: rendered, not answered from the page cache
    client.get(fresh)
    redis_commands.clear()

    assert client.get(fresh).status_code == 200
    assert redis_commands.count("MGET") == 1
    assert "GET" not in redis_commands


def test_navigation_another_app_server_wrote_is_shown_at_once(client, story):
    fresh = story.url + "?fresh"
    assert story.neighbourhood.title in client.get(fresh).content.decode()

    elsewhere = Navigation(topics=(), neighbourhoods=(NavigationLink(1, "محله‌ای از سرور دیگر", "digar", "/digar/"),))
    caches["default"].set(CACHE_KEY.format(language="fa"), elsewhere, timeout=None)

    footer = client.get(fresh).content.decode().split('class="site-footer"')[1]
    assert "محله‌ای از سرور دیگر" in footer
    assert story.neighbourhood.title not in footer
