"""Addresses reversed once per process (cms/url_reversing.py) are still each language's own."""

from django.urls import reverse
from django.utils import translation

from cms.models.home import HomePage
from cms.url_reversing import reverse_remembered


def test_a_remembered_address_is_the_one_of_the_active_language(db):
    for language in ("fa", "en", "fa"):
        with translation.override(language):
            assert reverse_remembered("wagtail_serve", args=[""]) == reverse("wagtail_serve", args=[""])
            assert reverse_remembered("feed-topic-rss", kwargs={"slug": "health"}) == reverse(
                "feed-topic-rss", kwargs={"slug": "health"}
            )
    with translation.override("en"):
        assert reverse_remembered("wagtail_serve", args=[""]) == "/en/"


def test_listing_addresses_follow_the_language(db):
    with translation.override("fa"):
        persian = HomePage.listing_url("topic", "health")
    with translation.override("en"):
        english = HomePage.listing_url("topic", "health")
    assert english == "/en" + persian
