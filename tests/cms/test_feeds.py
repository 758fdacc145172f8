"""RSS and Atom feeds, read the way feed readers read them: through feedparser."""

import datetime
from urllib.parse import unquote
from xml.etree import ElementTree

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from cms.factories import make_neighbourhood, make_reporter, make_story, paragraph_blocks
from cms.models import ArticlePage, Topic

from .conftest import HIDDEN_MARKERS

FORMATS = ["rss", "atom"]


def parse(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, response.content[:500]
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return response, feed


def entry_for(feed, story):
    matches = [entry for entry in feed.entries if entry.id == f"urn:uuid:{story.translation_key}"]
    assert len(matches) == 1, [entry.id for entry in feed.entries]
    return matches[0]


@pytest.mark.parametrize("kind", FORMATS)
def test_site_feed_gives_every_field_of_a_story(client, kind, photographed_story, reporter):
    updated_at = photographed_story.first_published_at + datetime.timedelta(hours=3)
    ArticlePage.objects.filter(pk=photographed_story.pk).update(last_published_at=updated_at)
    photographed_story.refresh_from_db()
    _response, feed = parse(client, f"/feeds/{kind}/")
    entry = entry_for(feed, photographed_story)

    assert feed.feed.language == "fa"
    assert entry.title == photographed_story.title
    assert entry.summary == photographed_story.summary
    assert entry.link == f"http://testserver{photographed_story.url}"
    assert [author.name for author in entry.authors] == [reporter.display_name]
    assert [tag.term for tag in entry.tags] == [topic.name_fa for topic in photographed_story.topics.all()]
    assert entry.published_parsed[:5] == photographed_story.first_published_at.utctimetuple()[:5]
    assert entry.updated_parsed[:5] == photographed_story.last_published_at.utctimetuple()[:5]
    assert photographed_story.summary in entry.content[0].value
    [photo] = entry.media_content
    assert photo["url"].startswith("http://testserver/media/images/")
    assert photo["url"].endswith(photographed_story.lead_image.get_rendition("fill-1200x630").url)
    assert photo["width"] == "1200"
    assert photo["medium"] == "image"


def test_atom_entries_link_each_reporter_to_their_page(client, photographed_story, reporter):
    _response, feed = parse(client, "/feeds/atom/")
    [author] = entry_for(feed, photographed_story).authors
    assert author.href == f"http://testserver{reporter.get_url()}"


@pytest.mark.parametrize("kind", FORMATS)
def test_feed_writes_persian_as_utf8_not_character_references(client, kind, story):
    response, _feed = parse(client, f"/feeds/{kind}/")
    assert response["Content-Type"].endswith("charset=utf-8")
    assert story.title.encode("utf-8") in response.content
    assert b"&#" not in response.content


@pytest.mark.parametrize("kind", FORMATS)
def test_feed_reads_english_stories_too(client, kind, neighbourhood, reporter):
    english = make_story(
        neighbourhood=neighbourhood,
        title="Karaj opens a weekend market for home businesses",
        summary="Twenty stalls & a café, open on Fridays.",
        reporters=[reporter],
    )
    _response, feed = parse(client, f"/feeds/{kind}/")
    entry = entry_for(feed, english)
    assert entry.title == english.title
    assert text_of_html(entry.summary) == "Twenty stalls & a café, open on Fridays."


def text_of_html(html: str) -> str:
    return BeautifulSoup(html, "html.parser").get_text()


@pytest.mark.parametrize("kind", FORMATS)
def test_summaries_and_descriptions_reach_readers_as_the_text_that_was_typed(client, kind, neighbourhood):
    """Feed readers take an item's summary and RSS's channel description as HTML: typed markup stays text."""
    typed = '<img src=x onerror="alert(1)"> قیمت < ۵۰۰ & "R&D"'
    reporter = make_reporter(display_name="سارا نوری", slug="sara-nouri", bio=typed)
    story = make_story(neighbourhood=neighbourhood, title="خبر", summary=typed, reporters=[reporter])
    response, feed = parse(client, f"/feeds/reporters/{reporter.slug}/{kind}/")
    summary = entry_for(feed, story).summary
    assert BeautifulSoup(summary, "html.parser").find() is None
    assert text_of_html(summary) == typed
    if kind == "rss":
        description = ElementTree.fromstring(response.content).find("channel/description").text
        assert BeautifulSoup(description, "html.parser").find() is None
        assert text_of_html(description) == typed


@pytest.mark.parametrize("kind", FORMATS)
def test_full_text_is_sanitised_with_absolute_links(client, kind, neighbourhood, story):
    linked = make_story(
        neighbourhood=neighbourhood,
        title="جلسه شورا",
        body=[
            *paragraph_blocks([f'جزئیات در <a href="{story.url}">خبر قبلی</a>.']),
            ("quote", {"text": "</script><script>alert(1)</script>", "attribution": "یک شهروند"}),
        ],
    )
    _response, feed = parse(client, f"/feeds/{kind}/")
    content = entry_for(feed, linked).content[0].value
    assert f'href="http://testserver{story.url}"' in content
    assert "<script" not in content
    assert "&lt;/script&gt;" in content


@pytest.mark.parametrize("kind", FORMATS)
def test_guid_survives_edits_and_moves(client, kind, story):
    _response, before = parse(client, f"/feeds/{kind}/")
    guid = entry_for(before, story).id

    editing = ArticlePage.objects.get(pk=story.pk)
    editing.title = "عنوان تازه"
    editing.slug = "onvan-taze"
    editing.save_revision().publish()
    elsewhere = make_neighbourhood(title="مهرشهر")
    editing.move(elsewhere, pos="last-child")

    _response, after = parse(client, f"/feeds/{kind}/")
    moved = ArticlePage.objects.get(pk=story.pk)
    entry = entry_for(after, moved)
    assert entry.id == guid
    assert entry.title == "عنوان تازه"
    assert entry.link.endswith(moved.url)


@pytest.mark.parametrize("kind", FORMATS)
def test_feeds_leave_out_drafts_private_stories_and_unpublished_edits(client, kind, hidden_stories):
    response, feed = parse(client, f"/feeds/{kind}/")
    for marker in HIDDEN_MARKERS:
        assert marker.encode() not in response.content
    assert entry_for(feed, hidden_stories["edited"]).title == "خبر منتشرشده"


@pytest.mark.parametrize("kind", FORMATS)
def test_neighbourhood_topic_and_reporter_feeds_hold_only_their_own_stories(client, kind, story, reporter):
    other_place = make_neighbourhood(title="حصارک")
    other_reporter = make_reporter(display_name="علی حسینی", slug="ali-hosseini")
    elsewhere = make_story(
        neighbourhood=other_place,
        title="خبری از حصارک",
        reporters=[other_reporter],
        topics=[Topic.objects.get(slug="health")],
    )
    topic = story.topics.get()
    for url in [
        f"/feeds/neighbourhoods/{story.neighbourhood.slug}/{kind}/",
        f"/feeds/topics/{topic.slug}/{kind}/",
        f"/feeds/reporters/{reporter.slug}/{kind}/",
    ]:
        _response, feed = parse(client, url)
        ids = [entry.id for entry in feed.entries]
        assert ids == [f"urn:uuid:{story.translation_key}"], url
        assert f"urn:uuid:{elsewhere.translation_key}" not in ids


def test_feed_of_an_unknown_neighbourhood_is_not_found(client, db):
    assert client.get("/feeds/neighbourhoods/no-such-place/rss/").status_code == 404


@pytest.mark.parametrize("kind", FORMATS)
def test_unchanged_feed_answers_conditional_requests_with_304(client, kind, story, neighbourhood):
    first = client.get(f"/feeds/{kind}/")
    etag, last_modified = first["ETag"], first["Last-Modified"]

    assert client.get(f"/feeds/{kind}/", headers={"If-None-Match": etag}).status_code == 304
    assert client.get(f"/feeds/{kind}/", headers={"If-Modified-Since": last_modified}).status_code == 304

    make_story(
        neighbourhood=neighbourhood, title="خبر تازه", published_at=timezone.now() + datetime.timedelta(minutes=1)
    )
    changed = client.get(f"/feeds/{kind}/", headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_pages_link_to_their_feeds(client, story, reporter):
    topic = story.topics.get()
    pages = {
        "/": ["/feeds/rss/", "/feeds/atom/"],
        story.neighbourhood.url: [f"/feeds/neighbourhoods/{story.neighbourhood.slug}/rss/"],
        topic.get_url(): [f"/feeds/topics/{topic.slug}/rss/", f"/feeds/topics/{topic.slug}/atom/"],
        reporter.get_url(): [f"/feeds/reporters/{reporter.slug}/atom/"],
    }
    for page_url, feed_urls in pages.items():
        soup = BeautifulSoup(client.get(page_url).content, "html.parser")
        linked = {
            unquote(link["href"])
            for link in soup.select('link[type="application/rss+xml"], link[type="application/atom+xml"]')
        }
        for feed_url in feed_urls:
            assert unquote(feed_url) in linked, (page_url, linked)
            assert client.get(feed_url).status_code == 200
