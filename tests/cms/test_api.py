"""The read API: what it shows, how it filters, and everything it must never show."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils import timezone

from cms.factories import make_neighbourhood, make_photo, make_story
from cms.models import Topic

from .conftest import HIDDEN_MARKERS

ENDPOINTS = ["stories", "neighbourhoods", "topics", "reporters", "images"]
SECRET_EMAIL = "zahra.secret@example.org"


@pytest.fixture(autouse=True)
def generous_throttle(settings):
    # Every test request comes from 127.0.0.1; only the throttling test sets a tight rate.
    settings.READ_API_THROTTLE_RATE = "100000/minute"


@pytest.fixture
def reporter_with_account(reporter):
    reporter.user = get_user_model().objects.create_user(
        username="zahra-secret-login", email=SECRET_EMAIL, password="x", first_name="SECRETFIRSTNAME"
    )
    reporter.photo = make_photo(title="چهره زهرا", seed=21)
    reporter.save()
    return reporter


@pytest.fixture
def unpublished_neighbourhood(db):
    neighbourhood = make_neighbourhood(title="UNPUBLISHEDPLACE")
    neighbourhood.unpublish()
    return neighbourhood


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content[:500]
    return response.json()


def every_response(client, endpoint):
    """The listing with every field, then each listed object's detail with every field."""
    listing = client.get(f"/api/v2/{endpoint}/?fields=*&limit=20")
    assert listing.status_code == 200, listing.content[:500]
    yield listing
    for item in listing.json()["items"]:
        detail = client.get(f"/api/v2/{endpoint}/{item['id']}/")
        assert detail.status_code == 200
        yield detail


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_endpoint_never_shows_drafts_private_pages_unpublished_edits_or_emails(
    client, endpoint, photographed_story, hidden_stories, reporter_with_account, unpublished_neighbourhood
):
    seen = 0
    for response in every_response(client, endpoint):
        text = response.content.decode()
        for secret in [*HIDDEN_MARKERS, SECRET_EMAIL, "zahra-secret-login", "SECRETFIRSTNAME", "UNPUBLISHEDPLACE"]:
            assert secret not in text, (endpoint, secret)
        assert "download_url" not in text
        seen += 1
    assert seen > 1, "the endpoint listed nothing, so the test proved nothing"


@pytest.mark.parametrize(
    ("endpoint", "hidden"),
    [("stories", "draft"), ("stories", "private"), ("images", "draft"), ("images", "private")],
)
def test_hidden_objects_are_not_found_by_id(client, endpoint, hidden, hidden_stories):
    story = hidden_stories[hidden]
    object_id = story.pk if endpoint == "stories" else story.lead_image_id
    get_json(client, f"/api/v2/{endpoint}/{object_id}/", status=404)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_endpoint_refuses_fields_it_does_not_publish(client, endpoint, db):
    for field in ["user", "owner", "email", "download_url", "locked_by", "latest_revision"]:
        get_json(client, f"/api/v2/{endpoint}/?fields={field}", status=400)


def test_stories_endpoint_refuses_other_page_types_and_search(client, db):
    get_json(client, "/api/v2/stories/?type=wagtailcore.Page", status=400)
    get_json(client, "/api/v2/stories/?search=x", status=400)


def test_story_shows_its_published_content_and_rendition_urls(client, photographed_story, hidden_stories, reporter):
    data = get_json(client, f"/api/v2/stories/{photographed_story.pk}/")
    assert data["title"] == photographed_story.title
    assert data["summary"] == photographed_story.summary
    assert data["meta"]["html_url"].endswith(photographed_story.url)
    assert [r["display_name"] for r in data["reporters"]] == [reporter.display_name]
    assert data["tags"] == ["مدرسه"]
    rendition = data["lead_image_renditions"]["fill-1200x630"]
    assert rendition["url"].startswith("http://testserver/media/images/")
    assert rendition["width"] == 1200

    edited = get_json(client, f"/api/v2/stories/{hidden_stories['edited'].pk}/")
    assert edited["title"] == "خبر منتشرشده"


def test_photos_in_a_story_body_come_with_rendition_urls(client, neighbourhood):
    photo = make_photo(title="عکس داخل خبر", seed=41)
    story = make_story(
        neighbourhood=neighbourhood,
        title="خبر با عکس",
        body=[("image", {"image": photo, "alt": "صف نانوایی", "caption": "", "credit": ""})],
    )
    [block] = get_json(client, f"/api/v2/stories/{story.pk}/")["body"]
    assert block["value"]["image"]["id"] == photo.pk
    rendition = block["value"]["image"]["renditions"]["width-800"]
    assert rendition["url"].startswith("http://testserver/media/images/")
    assert rendition["width"] == 800


def test_stories_come_newest_first(client, neighbourhood):
    now = timezone.now()
    older = make_story(neighbourhood=neighbourhood, title="قدیمی", published_at=now - datetime.timedelta(days=2))
    newer = make_story(neighbourhood=neighbourhood, title="تازه", published_at=now)
    middle = make_story(neighbourhood=neighbourhood, title="میانه", published_at=now - datetime.timedelta(days=1))
    ids = [item["id"] for item in get_json(client, "/api/v2/stories/")["items"]]
    assert ids == [newer.pk, middle.pk, older.pk]


def test_stories_filter_by_neighbourhood_topic_tag_and_date(client, story, neighbourhood):
    elsewhere = make_neighbourhood(title="مهرشهر", slug="mehrshahr")
    health = Topic.objects.get(slug="health")
    old = make_story(
        neighbourhood=elsewhere,
        title="خبر بهداشت",
        topics=[health],
        tags=["واکسن"],
        published_at=timezone.now() - datetime.timedelta(days=30),
    )

    def ids(query):
        return [item["id"] for item in get_json(client, f"/api/v2/stories/?{query}")["items"]]

    assert ids(f"neighbourhood={elsewhere.pk}") == [old.pk]
    assert ids("neighbourhood=mehrshahr") == [old.pk]
    assert ids("topic=health") == [old.pk]
    assert ids("topic=local-economy") == [story.pk]
    assert ids(f"tag={story.tags.get().slug}") == [story.pk]
    since = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    assert ids(f"published_after={since}") == [story.pk]
    assert ids(f"published_before={since}") == [old.pk]


def test_a_malformed_date_gets_a_clear_message(client, db):
    data = get_json(client, "/api/v2/stories/?published_after=yesterday", status=400)
    assert "published_after" in data["message"]


def test_reporter_shows_public_profile_only(client, reporter_with_account, story):
    data = get_json(client, f"/api/v2/reporters/{reporter_with_account.pk}/")
    assert set(data) == {"id", "meta", "display_name", "slug", "bio", "photo_renditions", "neighbourhoods"}
    assert data["meta"]["html_url"] == f"http://testserver{reporter_with_account.get_url()}"
    assert data["photo_renditions"]["fill-160x160"]["width"] == 160


def test_images_lists_only_photos_shown_on_the_site(client, photographed_story, reporter_with_account, hidden_stories):
    unused = make_photo(title="UNUSEDPHOTO", seed=31)
    ids = {item["id"] for item in get_json(client, "/api/v2/images/")["items"]}
    assert ids == {photographed_story.lead_image_id, reporter_with_account.photo_id}
    assert unused.pk not in ids


def test_topics_and_neighbourhoods_link_to_their_pages(client, story):
    topic = get_json(client, "/api/v2/topics/?slug=local-economy")["items"][0]
    assert topic["meta"]["html_url"] == f"http://testserver{story.topics.get().get_url()}"
    [neighbourhood] = get_json(client, "/api/v2/neighbourhoods/")["items"]
    assert neighbourhood["title"] == story.neighbourhood.title


def test_api_is_read_only(client, story):
    for method in [client.post, client.put, client.patch, client.delete]:
        assert method(f"/api/v2/stories/{story.pk}/").status_code == 405


def test_each_client_is_throttled_on_its_own(client, settings, db):
    settings.READ_API_THROTTLE_RATE = "3/minute"
    for address in ["203.0.113.7", "203.0.113.8"]:
        cache.delete(f"throttle_read_api_{address}")
    for _attempt in range(3):
        assert client.get("/api/v2/topics/", REMOTE_ADDR="203.0.113.7").status_code == 200
    assert client.get("/api/v2/topics/", REMOTE_ADDR="203.0.113.7").status_code == 429
    assert client.get("/api/v2/topics/", REMOTE_ADDR="203.0.113.8").status_code == 200
