"""Story cards as readers get them in lists: photo, headline, neighbourhood, date and summary, with the
newsroom's text escaped and marked as Persian on English pages."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from cms.factories import home_page, make_neighbourhood, make_story

from .reading import read_page
from .test_photo_renditions import new_photo

pytestmark = pytest.mark.django_db
PUBLISHED = datetime(2025, 3, 17, 13, 36, tzinfo=ZoneInfo("Asia/Tehran"))


@pytest.fixture
def neighbourhood():
    return make_neighbourhood(title="گوهردشت")


def test_a_card_in_a_neighbourhood_list_shows_everything_of_its_story(client, neighbourhood):
    story = make_story(
        neighbourhood=neighbourhood,
        title="بازارچه <b>محله</b> & «غرفه‌ها»",
        summary="ده غرفه <script>alert(1)</script> باز شد.",
        lead_image=new_photo("غرفه‌ها"),
        lead_image_alt="غرفه‌های بازارچه",
        published_at=PUBLISHED,
    )
    card = read_page(client, neighbourhood.url).select_one(".story-card")

    assert card["class"] == ["story-card"]
    assert card.select_one("picture img")["alt"] == "غرفه‌های بازارچه"
    assert card.select_one("picture img")["loading"] == "lazy"
    title = card.select_one("h3.story-card__title a")
    assert (title.get_text(), title["href"]) == (story.title, story.url)
    assert title.find("b") is None
    assert card.select_one(".story-card__meta a")["href"] == neighbourhood.url
    assert card.select_one("time")["datetime"] == "2025-03-17T13:36:00+03:30"
    assert card.select_one("time").get_text() == "دوشنبه ۲۷ اسفند ۱۴۰۳"
    assert card.select_one(".story-card__summary").get_text() == story.summary
    assert card.find("script") is None


def test_the_front_page_lead_card_loads_its_larger_photo_at_once(client, neighbourhood):
    lead = make_story(
        neighbourhood=neighbourhood, title="خبر اصلی", lead_image=new_photo("خبر"), published_at=PUBLISHED
    )
    home = home_page()
    home.lead_story = lead
    home.save()

    card = read_page(client, "/").select_one(".front .story-card--lead")

    assert card.select_one(".story-card__title").get_text() == "خبر اصلی"
    assert not card.select_one("picture img").has_attr("loading")


def test_on_english_pages_the_newsrooms_words_in_a_card_are_marked_persian(client, neighbourhood):
    make_story(neighbourhood=neighbourhood, title="بازارچه محله", published_at=PUBLISHED)
    with translation.override("en"):
        url = neighbourhood.url

    card = read_page(client, url).select_one(".story-card")

    for element in (card.select_one(".story-card__title"), card.select_one(".story-card__summary")):
        assert (element["lang"], element["dir"]) == ("fa", "rtl")
    assert card.select_one("time").get_text() == "Monday 17 March 2025"
