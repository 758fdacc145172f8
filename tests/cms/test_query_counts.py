"""Listing pages cost the same number of SQL queries however many stories the site has."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.factories import make_photo, make_story
from cms.models import Topic

# Any query string other than ?page=N is rendered fresh (pagecache/policy.py), so queries are counted.
FRESH = "?fresh=1"


def queries_for(client, url: str) -> int:
    client.get(url + FRESH)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url + FRESH).status_code == 200
    return len(queries)


def add_stories(neighbourhood, reporter, count: int, *, batch: str) -> None:
    topic = Topic.objects.get(slug="local-economy")
    photo = make_photo(title="عکس", seed=3, size=(320, 180))
    for number in range(count):
        make_story(
            neighbourhood=neighbourhood,
            title=f"خبر {batch} شماره {number}",
            reporters=[reporter],
            topics=[topic],
            lead_image=photo,
            with_revision=False,
        )


@pytest.mark.parametrize("page", ["home", "neighbourhood", "topic", "reporter"])
def test_listing_queries_do_not_grow_with_the_number_of_stories(client, story, neighbourhood, reporter, page):
    urls = {
        "home": "/",
        "neighbourhood": neighbourhood.url,
        "topic": Topic.objects.get(slug="local-economy").get_url(),
        "reporter": reporter.get_url(),
    }
    # Enough to fill every slot of the front page (lead, featured, latest), then many more.
    add_stories(neighbourhood, reporter, 16, batch="اول")
    few = queries_for(client, urls[page])
    add_stories(neighbourhood, reporter, 30, batch="دوم")
    assert queries_for(client, urls[page]) == few
