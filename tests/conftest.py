"""Shared fixtures: a small site built with the same builders as the demo content."""

import shutil

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from cms.factories import make_neighbourhood, make_reporter, make_story
from cms.models import Topic
from pagecache import store


@pytest.fixture(autouse=True, scope="session")
def throwaway_folders():
    yield
    shutil.rmtree(settings.PHOTO_ORIGINALS_ROOT, ignore_errors=True)
    shutil.rmtree(settings.SEARCH_INDEX_DIR, ignore_errors=True)


@pytest.fixture(autouse=True)
def forget_cached_renditions():
    # Wagtail caches renditions by photo id; ids are reused once a test's rows are rolled back.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    yield settings.MEDIA_ROOT
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture(autouse=True)
def persian_first():
    """Each test starts in Persian: the test client leaves the last request's language active in the thread,
    which would otherwise turn the next test's page URLs into /en/ ones."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def empty_page_cache():
    """No test sees pages cached by another test or by a server sharing the same Redis database."""
    store.forget_everything()
    yield
    store.forget_everything()


@pytest.fixture
def neighbourhood(db):
    return make_neighbourhood(title="گوهردشت", description="محله‌ای در شمال غرب کرج.")


@pytest.fixture
def reporter(neighbourhood):
    return make_reporter(display_name="زهرا احمدی", slug="zahra-ahmadi", neighbourhoods=[neighbourhood])


@pytest.fixture
def story(neighbourhood, reporter):
    return make_story(
        neighbourhood=neighbourhood,
        title="بازارچه مشاغل خانگی گوهردشت باز شد",
        summary="ده غرفه برای زنان سرپرست خانوار.",
        reporters=[reporter],
        topics=[Topic.objects.get(slug="local-economy")],
        tags=["مشاغل خانگی"],
    )
