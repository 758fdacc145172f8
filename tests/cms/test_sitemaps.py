"""sitemap.xml, the Google News sitemap and robots.txt, read as a crawler reads them."""

import datetime
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from cms.factories import make_story

from .conftest import HIDDEN_MARKERS

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
# W3C Datetime (https://www.w3.org/TR/NOTE-datetime), the formats the news schema accepts.
W3C_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$")


def read_xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def urlset_entries(root):
    return {urlsplit(url.findtext(f"{SITEMAP}loc")).path: url for url in root.findall(f"{SITEMAP}url")}


def test_sitemap_lists_every_live_page_in_both_languages_with_lastmod(client, story, reporter, hidden_stories):
    root = read_xml(client, "/sitemap.xml")
    assert root.tag == f"{SITEMAP}urlset"
    entries = urlset_entries(root)

    for path in ["/", story.neighbourhood.url, story.url, reporter.get_url(), story.topics.get().get_url()]:
        assert path in entries, path
        assert f"/en{path}" in entries, path
        assert W3C_DATETIME.match(entries[path].findtext(f"{SITEMAP}lastmod"))
    alternates = {
        link.get("hreflang"): urlsplit(link.get("href")).path for link in entries[story.url].findall(f"{XHTML}link")
    }
    assert alternates == {"fa": story.url, "en": f"/en{story.url}", "x-default": story.url}

    for hidden in [hidden_stories["draft"], hidden_stories["private"]]:
        assert hidden.url not in entries
    client_text = ET.tostring(root, encoding="unicode")
    for marker in HIDDEN_MARKERS:
        assert marker not in client_text


def test_sitemap_becomes_an_index_past_the_url_limit(client, settings, story, reporter):
    settings.SITEMAP_MAX_URLS = 3
    root = read_xml(client, "/sitemap.xml")
    assert root.tag == f"{SITEMAP}sitemapindex"

    listed = set()
    for sitemap in root.findall(f"{SITEMAP}sitemap"):
        location = urlsplit(sitemap.findtext(f"{SITEMAP}loc"))
        part = read_xml(client, f"{location.path}?{location.query}" if location.query else location.path)
        entries = urlset_entries(part)
        assert 0 < len(entries) <= 3
        listed |= set(entries)
    assert {"/", f"/en{story.url}", story.url, reporter.get_url()} <= listed


def validate_news_sitemap(root):
    """The rules of Google's sitemap-news/0.9 schema: each <url> has one <loc> and one <news:news>
    holding, in order, <publication> (<name>, then an ISO 639 <language>), <publication_date> in
    W3C format and a non-empty <title>; one file holds at most 1,000 stories."""
    assert root.tag == f"{SITEMAP}urlset"
    urls = root.findall(f"{SITEMAP}url")
    assert len(urls) <= 1000
    for url in urls:
        assert [child.tag for child in url] == [f"{SITEMAP}loc", f"{NEWS}news"]
        assert urlsplit(url.findtext(f"{SITEMAP}loc")).scheme in {"http", "https"}
        news = url.find(f"{NEWS}news")
        assert [child.tag for child in news] == [f"{NEWS}publication", f"{NEWS}publication_date", f"{NEWS}title"]
        publication = news.find(f"{NEWS}publication")
        assert [child.tag for child in publication] == [f"{NEWS}name", f"{NEWS}language"]
        assert publication.findtext(f"{NEWS}name").strip()
        assert re.fullmatch(r"[a-z]{2,3}|zh-cn|zh-tw", publication.findtext(f"{NEWS}language"))
        assert W3C_DATETIME.match(news.findtext(f"{NEWS}publication_date"))
        assert news.findtext(f"{NEWS}title").strip()
    return urls


def test_news_sitemap_holds_the_last_48_hours_in_persian(client, neighbourhood, story, hidden_stories):
    old = make_story(
        neighbourhood=neighbourhood, title="خبر قدیمی", published_at=timezone.now() - datetime.timedelta(hours=49)
    )
    urls = validate_news_sitemap(read_xml(client, "/news-sitemap.xml"))
    by_path = {urlsplit(url.findtext(f"{SITEMAP}loc")).path: url for url in urls}

    assert story.url in by_path
    assert old.url not in by_path
    assert hidden_stories["draft"].url not in by_path
    assert hidden_stories["private"].url not in by_path
    news = by_path[story.url].find(f"{NEWS}news")
    assert news.findtext(f"{NEWS}publication/{NEWS}name") == "محله"
    assert news.findtext(f"{NEWS}publication/{NEWS}language") == "fa"
    assert news.findtext(f"{NEWS}title") == story.title
    assert datetime.datetime.fromisoformat(news.findtext(f"{NEWS}publication_date")) == story.first_published_at


@pytest.mark.parametrize("title", ["<b>قیمت</b> & «نان»", "Bread & butter"])
def test_news_sitemap_escapes_titles(client, neighbourhood, title):
    make_story(neighbourhood=neighbourhood, title=title, slug="escaped")
    urls = validate_news_sitemap(read_xml(client, "/news-sitemap.xml"))
    assert urls[0].findtext(f"{NEWS}news/{NEWS}title") == title


def test_robots_txt_points_at_both_sitemaps(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Sitemap: http://testserver/news-sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
