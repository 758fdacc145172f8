"""A page missing from the cache is rendered once, however many readers ask for it at that moment:
the others wait for the first reader's render and are answered from the cache (pagecache/front.py)."""

import threading
import time

import pytest
from django.http import HttpResponse

from pagecache import store

from .front_door import FrontDoor

pytestmark = pytest.mark.django_db
READERS_HOST = "127.0.0.1"  # as FrontDoor sends it


@pytest.fixture
def reader():
    return FrontDoor()


def another_reader_renders(url: str, *, keeps: str | None, after: float = 0.2) -> threading.Thread:
    """Claims the render of ``url`` now, as a reader who arrived first would, and finishes it later."""
    assert store.start_rendering(url)
    marks = store.purge_marks(url)

    def finish():
        time.sleep(after)
        if keeps is not None:
            store.keep(url, HttpResponse(keeps), host=READERS_HOST, marks_at_start=marks)
        store.finish_rendering(url)

    thread = threading.Thread(target=finish)
    thread.start()
    return thread


def test_a_reader_arriving_during_a_render_is_answered_with_that_render(reader, story):
    first = another_reader_renders(story.url, keeps="<p>rendered by the first reader</p>")
    answer = reader.get(story.url)
    first.join()
    assert answer.status == 200
    assert answer.text() == "<p>rendered by the first reader</p>"


def test_a_render_that_keeps_nothing_lets_the_waiting_reader_render_the_page(reader, story):
    first = another_reader_renders(story.url, keeps=None)
    answer = reader.get(story.url)
    first.join()
    assert story.title in answer.text()


def test_a_reader_waits_no_longer_than_the_render_wait(reader, story, settings):
    settings.PAGE_CACHE_RENDER_WAIT = 0.3
    assert store.start_rendering(story.url)  # a render that never finishes
    started = time.monotonic()
    answer = reader.get(story.url)
    assert story.title in answer.text()
    assert time.monotonic() - started >= 0.3


def test_the_render_is_released_when_the_page_is_kept(reader, story):
    reader.get(story.url)
    assert store.is_kept(story.url)
    assert not store.is_rendering(story.url)
    assert store.start_rendering(story.url)
