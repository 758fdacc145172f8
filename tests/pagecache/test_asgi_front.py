"""The front door on gunicorn's event loop (pagecache/asgi.py): it answers kept pages exactly as the
WSGI door does, shares nothing with anyone else, and sends every other request on to Django."""

import gzip

import pytest
from django.conf import settings as django_settings
from django.db import connections

from cms.models import ArticlePage
from config.wsgi import application as wsgi_application
from pagecache.asgi import AsgiPageCacheFront

from .front_door import AsgiDoor, FrontDoor
from .test_cache_down import UNREACHABLE_CACHES

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not django_settings.REDIS_URL, reason="the ASGI door reads kept pages from Redis (REDIS_URL)"),
]

STALE_TITLE = "عنوانی که هنوز نباید دیده شود"


class CountedWsgiApplication:
    """The real WSGI application, counting the requests the ASGI door hands on to it."""

    def __init__(self):
        self.requests = 0

    def __call__(self, environ, start_response):
        self.requests += 1
        return wsgi_application(environ, start_response)


@pytest.fixture(autouse=True)
def connections_closed_after_each_request(monkeypatch):
    """The door's threads outlive the test: their database connections must not."""
    for alias in connections:
        monkeypatch.setitem(connections.settings[alias], "CONN_MAX_AGE", 0)


@pytest.fixture
def django():
    return CountedWsgiApplication()


@pytest.fixture
def reader(django):
    door = AsgiDoor(AsgiPageCacheFront(django, threads=2))
    yield door
    door.close()


@pytest.fixture
def cached_story(reader, story):
    first = reader.get(story.url)
    assert first.status == 200
    assert story.title in first.text()
    # Changed behind Wagtail's back, with no signal: only a cached copy still shows the old title.
    ArticlePage.objects.filter(pk=story.pk).update(title=STALE_TITLE)
    return story


def test_a_kept_page_is_answered_as_the_wsgi_door_answers_it(reader, cached_story, django):
    answer = reader.get(cached_story.url)
    assert django.requests == 1  # the first visit, which rendered the page
    assert answer.status == 200
    assert cached_story.title in answer.text()
    assert STALE_TITLE not in answer.text()
    wsgi = FrontDoor().get(cached_story.url)
    assert answer.content == wsgi.content
    assert answer.headers == {name.lower(): value for name, value in wsgi.headers.items()}


def test_a_kept_page_is_sent_gzipped_as_the_wsgi_door_sends_it(reader, cached_story, django):
    takes_gzip = {"Accept-Encoding": "gzip, deflate, br"}
    answer = reader.get(cached_story.url, headers=takes_gzip)
    assert django.requests == 1
    assert answer.headers["content-encoding"] == "gzip"
    assert cached_story.title in gzip.decompress(answer.content).decode()
    wsgi = FrontDoor().get(cached_story.url, headers=takes_gzip)
    assert answer.content == wsgi.content
    assert answer.headers == {name.lower(): value for name, value in wsgi.headers.items()}
    assert "content-encoding" not in reader.get(cached_story.url).headers


def test_a_head_request_and_a_revalidation_are_answered_from_the_cache(reader, cached_story, django):
    head = reader.get(cached_story.url, method="HEAD")
    assert (head.status, head.content) == (200, b"")
    assert int(head.headers["content-length"]) > 0
    revalidated = reader.get(cached_story.url, headers={"If-None-Match": head.headers["etag"]})
    assert (revalidated.status, revalidated.content) == (304, b"")
    assert revalidated.headers["etag"] == head.headers["etag"]
    assert django.requests == 1


def test_a_link_shared_with_tracking_parameters_is_answered_from_the_cache(reader, cached_story, django):
    answer = reader.get(cached_story.url + "?utm_source=telegram&fbclid=abc")
    assert cached_story.title in answer.text()
    assert django.requests == 1


def test_a_page_kept_for_one_host_is_left_to_django_at_another(reader, cached_story, django):
    reader.get(cached_story.url, headers={"Host": "gohardasht.example"})
    assert django.requests == 2


def test_a_reader_with_a_session_goes_past_the_cache(reader, cached_story):
    answer = reader.get(cached_story.url, headers={"Cookie": f"theme=dark; {django_settings.SESSION_COOKIE_NAME}=x"})
    assert STALE_TITLE in answer.text()


def test_any_other_query_goes_on_to_django(reader, cached_story):
    assert STALE_TITLE in reader.get(cached_story.url + "?bench=uncached").text()


def test_plain_http_goes_on_to_django_to_be_redirected_when_https_is_required(reader, cached_story, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert STALE_TITLE not in reader.get(cached_story.url, https=True).text()
    assert STALE_TITLE not in reader.get(cached_story.url, headers={"X-Forwarded-Proto": "https"}).text()
    # SecurityMiddleware read SECURE_SSL_REDIRECT when the application started, so here Django
    # renders the page instead of redirecting; what matters is that the cache did not answer.
    assert STALE_TITLE in reader.get(cached_story.url).text()


def test_pages_are_rendered_fresh_while_redis_is_down(settings, story):
    settings.CACHES = UNREACHABLE_CACHES
    door = AsgiDoor(AsgiPageCacheFront(wsgi_application, threads=2))
    try:
        answer = door.get(story.url)
    finally:
        door.close()
    assert answer.status == 200
    assert story.title in answer.text()
