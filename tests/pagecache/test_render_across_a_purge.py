"""A page whose render began before a change committed is not kept once that change's purge has
run, whichever finishes first: otherwise the old page, an unpublished story say, would stay cached."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from pagecache import store
from pagecache.middleware import PageCacheMiddleware

pytestmark = pytest.mark.django_db

OLD_PAGE = "<p>the story as it was before it was unpublished</p>"


def render_with(url: str, during_render) -> None:
    """One reader's request for ``url`` through the middleware; ``during_render`` runs after the
    render has begun and before the page would be kept."""

    def view(request):
        during_render()
        return HttpResponse(OLD_PAGE)

    PageCacheMiddleware(view)(RequestFactory().get(url))


def test_a_page_rendered_with_no_purge_meanwhile_is_kept():
    render_with("/gohardasht/bazaar/", lambda: None)
    assert store.is_kept("/gohardasht/bazaar/")


def test_a_purge_of_the_page_during_its_render_keeps_it_out_of_the_cache():
    render_with("/gohardasht/bazaar/", lambda: store.forget({"/gohardasht/bazaar/"}))
    assert not store.is_kept("/gohardasht/bazaar/")


def test_emptying_the_whole_cache_during_a_render_keeps_the_page_out():
    render_with("/gohardasht/bazaar/", store.forget_everything)
    assert not store.is_kept("/gohardasht/bazaar/")


def test_a_purge_of_another_page_does_not_stop_this_one_being_kept():
    render_with("/gohardasht/bazaar/", lambda: store.forget({"/mehrshahr/"}))
    assert store.is_kept("/gohardasht/bazaar/")
