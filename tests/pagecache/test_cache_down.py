"""When Redis does not answer, readers still get every page, rendered fresh, and editors can publish;
the purges that failed meanwhile are taken once Redis answers again."""

import io

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from cms.factories import make_story
from config.settings.base import redis_cache
from pagecache import store
from pagecache.models import FailedPurge

from .front_door import FrontDoor

pytestmark = pytest.mark.django_db

# Nothing listens on port 1: every connection is refused at once.
UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"


UNREACHABLE_CACHES = {
    "default": redis_cache(UNREACHABLE_REDIS, "mahalleh", ignore_exceptions=True),
    "pages": redis_cache(UNREACHABLE_REDIS, "mahalleh-pages", ignore_exceptions=False),
}


@pytest.fixture
def redis_down(settings):
    settings.CACHES = UNREACHABLE_CACHES


def test_readers_get_pages_rendered_fresh_while_redis_is_down(redis_down, story):
    reader = FrontDoor()
    for url in (story.url, story.neighbourhood.url, "/"):
        answer = reader.get(url)
        assert answer.status == 200, url
        assert story.title in answer.text()


def test_a_story_is_published_while_redis_is_down(redis_down, neighbourhood, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        published = make_story(neighbourhood=neighbourhood, title="قطعی آب در مهرشهر", published_at=timezone.now())
    assert "قطعی آب در مهرشهر" in FrontDoor().get(published.url).text()


def test_a_purge_that_failed_during_an_outage_is_taken_by_the_scheduler_when_redis_is_back(
    story, django_capture_on_commit_callbacks
):
    reader = FrontDoor()
    reader.get(story.url)
    with override_settings(CACHES=UNREACHABLE_CACHES):
        story.title = "بازارچه تا اطلاع بعدی بسته است"
        with django_capture_on_commit_callbacks(execute=True):
            story.save_revision().publish()
    assert FailedPurge.objects.exists()
    assert store.is_kept(story.url)  # Redis kept the old page through the outage

    call_command("run_scheduler", "--once", stdout=io.StringIO())

    assert not FailedPurge.objects.exists()
    assert "بازارچه تا اطلاع بعدی بسته است" in reader.get(story.url).text()


def test_the_operator_empties_the_page_cache_after_an_outage(story):
    reader = FrontDoor()
    reader.get(story.url)
    assert store.is_kept(story.url)
    call_command("empty_page_cache", stdout=io.StringIO())
    assert not store.is_kept(story.url)
