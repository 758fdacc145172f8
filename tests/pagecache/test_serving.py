"""Anonymous readers share cached pages; nobody else does, and every cached page can be revalidated."""

import pytest
from wagtail.models import PageViewRestriction

from cms.models import ArticlePage
from pagecache import store


@pytest.fixture
def cached_story(client, story):
    client.get(story.url)
    # Changed behind Wagtail's back, with no signal: only a cached copy still shows the old title.
    ArticlePage.objects.filter(pk=story.pk).update(title="عنوانی که هنوز نباید دیده شود")
    return story


def test_anonymous_reader_gets_the_story_from_the_cache(client, cached_story):
    page = client.get(cached_story.url).content.decode()
    assert cached_story.title in page
    assert "هنوز نباید" not in page


def test_logged_in_editor_sees_the_live_page_and_it_is_never_shared(admin_client, cached_story):
    response = admin_client.get(cached_story.url)
    assert "هنوز نباید" in response.content.decode()
    assert "private" in response["Cache-Control"]


def test_logged_in_editor_never_fills_the_cache(admin_client, story):
    admin_client.get(story.url)
    assert not store.is_kept(story.url)


def test_admin_pages_are_never_cached(admin_client, client):
    admin_client.get("/admin/")
    client.get("/admin/login/")
    assert not store.is_kept("/admin/")
    assert not store.is_kept("/admin/login/")


def test_search_style_queries_are_served_fresh(client, story):
    client.get("/?q=بازارچه")
    client.get("/?utm_source=telegram")
    assert not store.is_kept("/?q=بازارچه")
    assert not store.is_kept("/?utm_source=telegram")


def test_a_page_with_a_csrf_form_is_never_cached(client, story):
    PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.PASSWORD, password="x")
    response = client.get(story.url)
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert not store.is_kept(story.url)


def test_cached_page_answers_a_matching_etag_with_not_modified(client, story):
    first = client.get(story.url)
    again = client.get(story.url, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert client.get(story.url).status_code == 200


def test_cache_control_lets_nginx_or_a_cdn_store_and_revalidate(client, story):
    response = client.get(story.url)
    assert "public" in response["Cache-Control"]
    assert "s-maxage=0" in response["Cache-Control"]
    assert response.has_header("ETag")


def test_deep_archive_pages_render_fresh(client, story, settings):
    client.get(story.neighbourhood.url + f"?page={settings.PAGE_CACHE_LISTING_PAGES + 1}")
    assert not store.is_kept(story.neighbourhood.url + f"?page={settings.PAGE_CACHE_LISTING_PAGES + 1}")
