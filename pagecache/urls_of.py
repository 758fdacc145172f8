"""The public URLs of things, in every UI language, and of every cached page of a listing."""

from collections.abc import Iterable

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page


def in_every_language(url_of) -> set[str]:
    urls = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            url = url_of()
            if url:
                urls.add(url)
    return urls


def page_urls(url_path: str) -> set[str]:
    """A page's URLs from its tree path, so the URL a story had before a move can be named too."""
    return in_every_language(lambda: Page(url_path=url_path).get_url())


def home_urls() -> set[str]:
    return in_every_language(lambda: reverse("wagtail_serve", args=[""]))


def listing_pages(urls: Iterable[str], numbers: Iterable[int]) -> set[str]:
    """``url`` for page 1 and ``url?page=N`` after it, for each listing URL."""
    return {url if number == 1 else f"{url}?page={number}" for url in urls for number in numbers}


def cached_pages_from(first: int) -> range:
    """The listing pages that may be cached, from ``first`` on; empty when ``first`` is never cached."""
    return range(first, settings.PAGE_CACHE_LISTING_PAGES + 1)


def feed_urls(kind: str, listing_urls: Iterable[str] = (), slug: str = "") -> set[str]:
    """Feeds and sitemaps that show a listing's stories, from PAGE_CACHE_FEEDS (see README)."""
    urls = set()
    for template in settings.PAGE_CACHE_FEEDS.get(kind, ()):
        bases = listing_urls if "{url}" in template else [""]
        urls |= {template.format(url=base, slug=slug) for base in bases}
    return urls
