"""Pages go out gzipped to browsers that take it: kept pages from their copy gzipped once when kept,
rendered ones through Django's GZipMiddleware; photos and fonts are never compressed again."""

import gzip

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from pagecache import store
from pagecache.compression import TextGZipMiddleware

from .front_door import FrontDoor

TAKES_GZIP = {"Accept-Encoding": "gzip, deflate, br"}


@pytest.fixture
def reader():
    return FrontDoor()


def test_a_kept_page_is_sent_gzipped_to_a_browser_that_takes_it(reader, story):
    plain = reader.get(story.url)  # renders and keeps the page
    compressed = reader.get(story.url, headers=TAKES_GZIP)
    kept = store.fetch(story.url, host="127.0.0.1")
    assert kept.gzipped and kept.content == compressed.content  # kept gzipped only, a fifth the size
    assert compressed.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert int(compressed.headers["Content-Length"]) == len(compressed.content) < len(plain.content) / 3
    assert compressed.headers["ETag"] == "W/" + plain.headers["ETag"]
    for answer in (plain, compressed):
        assert "Accept-Encoding" in answer.headers["Vary"]


def test_a_browser_that_does_not_take_gzip_gets_the_page_plain(reader, story):
    reader.get(story.url, headers=TAKES_GZIP)
    answer = reader.get(story.url, headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in answer.headers
    assert story.title in answer.text()


def test_the_first_reader_of_a_page_gets_it_gzipped_too(reader, story):
    answer = reader.get(story.url, headers=TAKES_GZIP)
    assert answer.headers["Content-Encoding"] == "gzip"
    assert story.title in gzip.decompress(answer.content).decode()


def test_a_gzipped_page_is_revalidated_by_its_etag(reader, story):
    reader.get(story.url)
    etag = reader.get(story.url, headers=TAKES_GZIP).headers["ETag"]
    again = reader.get(story.url, headers={**TAKES_GZIP, "If-None-Match": etag})
    assert (again.status, again.content) == (304, b"")
    assert again.headers["ETag"] == etag


def test_an_editors_pages_are_gzipped_as_they_are_rendered(admin_client):
    response = admin_client.get("/admin/", headers=TAKES_GZIP)
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert b"<html" in gzip.decompress(response.content)


@pytest.mark.parametrize(
    "content_type, compressed",
    [
        ("text/html; charset=utf-8", True),
        ("application/rss+xml; charset=utf-8", True),
        ("application/json", True),
        ("image/jpeg", False),
        ("font/woff2", False),
    ],
)
def test_only_text_is_compressed(content_type, compressed):
    middleware = TextGZipMiddleware(lambda request: HttpResponse(b"a" * 1000, content_type=content_type))
    response = middleware(RequestFactory().get("/", headers=TAKES_GZIP))
    assert response.has_header("Content-Encoding") is compressed
