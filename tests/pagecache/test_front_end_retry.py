"""A purge the front-end cache (a CDN, nginx) did not take is kept and made again by the scheduler
until it goes through (pagecache/front_end.py): otherwise the CDN would serve an unpublished story."""

import pytest
from django.core.management import call_command
from wagtail.models import Site

from pagecache.models import FailedFrontEndPurge

from . import front_end_cache

RECORDING = {"recording": {"BACKEND": "tests.pagecache.front_end_cache.RecordingBackend"}}


@pytest.fixture(autouse=True)
def nothing_purged_yet():
    front_end_cache.purged.clear()


def bazaar_url(site) -> str:
    return Site.objects.get(is_default_site=True).root_url + site.urls()["bazaar"]


@pytest.mark.parametrize("backend", ["UnreachableBackend", "RefusingBackend", "RaisingBackend"])
def test_a_purge_the_front_end_cache_did_not_take_is_made_again_by_the_scheduler(site, settings, commits, backend):
    settings.WAGTAILFRONTENDCACHE = {"down": {"BACKEND": f"tests.pagecache.front_end_cache.{backend}"}}
    with commits():
        site.bazaar.unpublish()
    kept = FailedFrontEndPurge.objects.get()
    assert bazaar_url(site) in kept.urls

    call_command("run_scheduler", "--once")  # still down: kept, and counted
    kept.refresh_from_db()
    assert kept.attempts == 2

    settings.WAGTAILFRONTENDCACHE = RECORDING  # back up
    call_command("run_scheduler", "--once")
    assert bazaar_url(site) in front_end_cache.purged
    assert not FailedFrontEndPurge.objects.exists()


def test_a_purge_the_front_end_cache_took_is_not_kept(site, settings, commits):
    settings.WAGTAILFRONTENDCACHE = RECORDING
    with commits():
        site.bazaar.unpublish()
    assert bazaar_url(site) in front_end_cache.purged
    assert not FailedFrontEndPurge.objects.exists()
