"""Every page type renders for an anonymous reader, in Persian at "/" and with the English interface at "/en/"."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.test import TestCase
from django.utils import translation

from cms.factories import make_neighbourhood, make_reporter, make_story
from cms.models import Tag, Topic

from .reading import read_page, text_of

TEHRAN = ZoneInfo("Asia/Tehran")
SEED_STORY_TIME = datetime(2025, 3, 17, 13, 36, tzinfo=TEHRAN)


class PageTypesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.neighbourhood = make_neighbourhood(title="گوهردشت", description="محله‌ای در شمال غرب کرج.")
        cls.reporter = make_reporter(
            display_name="زهرا احمدی",
            slug="zahra-ahmadi",
            bio="خبرنگار محله از سال ۱۴۰۲.",
            neighbourhoods=[cls.neighbourhood],
        )
        cls.topic = Topic.objects.get(slug="local-economy")
        cls.story = make_story(
            neighbourhood=cls.neighbourhood,
            title="بازارچه مشاغل خانگی گوهردشت باز شد",
            summary="ده غرفه برای زنان سرپرست خانوار.",
            body=[("paragraph", "<p>غرفه‌ها هر پنج‌شنبه از ساعت ۹ باز است.</p>")],
            reporters=[cls.reporter],
            topics=[cls.topic],
            tags=["مشاغل خانگی"],
            published_at=SEED_STORY_TIME,
            corrections=[(datetime(2025, 3, 18, 10, 0, tzinfo=TEHRAN), "ساعت کار بازارچه اصلاح شد.")],
        )
        cls.tag = Tag.objects.get(name="مشاغل خانگی")

    def urls(self, language: str) -> dict[str, str]:
        # Explicit, because the test client's requests leave their language active in this thread.
        with translation.override(language):
            return {
                "home": "/" if language == "fa" else "/en/",
                "neighbourhood": self.neighbourhood.url,
                "story": self.story.url,
                "topic": self.topic.get_url(),
                "tag": self.tag.get_url(),
                "reporter": self.reporter.get_url(),
            }

    def test_every_page_type_is_persian_and_right_to_left_at_the_root(self):
        for kind, url in self.urls("fa").items():
            with self.subTest(kind, url=url):
                html = read_page(self.client, url).html
                self.assertEqual((html["lang"], html["dir"]), ("fa", "rtl"))

    def test_every_page_type_is_english_and_left_to_right_under_en(self):
        for kind, url in self.urls("en").items():
            with self.subTest(kind, url=url):
                self.assertTrue(url.startswith("/en/"), url)
                html = read_page(self.client, url).html
                self.assertEqual((html["lang"], html["dir"]), ("en", "ltr"))

    def test_every_page_type_shows_its_own_content_in_both_languages(self):
        expected = {
            "home": [self.story.title, self.neighbourhood.title],
            "neighbourhood": [self.neighbourhood.title, self.neighbourhood.description, self.reporter.display_name],
            "story": [self.story.title, self.story.summary, "غرفه‌ها هر پنج‌شنبه", self.reporter.display_name],
            "topic": [self.story.title],
            "tag": [self.tag.name, self.story.title],
            "reporter": [self.reporter.display_name, self.reporter.bio, self.story.title, self.neighbourhood.title],
        }
        for language in ("fa", "en"):
            for kind, url in self.urls(language).items():
                with self.subTest(kind, url=url):
                    text = text_of(read_page(self.client, url))
                    for content in [*expected[kind], self.story.title]:
                        self.assertIn(content, text)

    def test_topic_page_is_titled_with_the_topic_name_of_the_reader_language(self):
        self.assertIn("اقتصاد محلی و بازارچه‌ها", read_page(self.client, self.urls("fa")["topic"]).h1.text)
        self.assertIn("Local economy and markets", read_page(self.client, self.urls("en")["topic"]).h1.text)

    def test_persian_story_page_shows_jalali_date_and_time_in_persian_digits(self):
        meta = text_of(read_page(self.client, self.urls("fa")["story"]).select_one(".story__meta"))
        self.assertIn("دوشنبه ۲۷ اسفند ۱۴۰۳", meta)
        self.assertIn("۱۳:۳۶", meta)
        self.assertNotRegex(meta, r"[0-9]")

    def test_english_story_page_shows_gregorian_date_and_time(self):
        meta = text_of(read_page(self.client, self.urls("en")["story"]).select_one(".story__meta"))
        self.assertIn("Monday 17 March 2025", meta)
        self.assertIn("13:36", meta)
        self.assertNotIn("اسفند", meta)

    def test_story_cards_show_jalali_dates_on_persian_lists_and_gregorian_on_english_ones(self):
        for kind in ("home", "neighbourhood", "topic", "tag", "reporter"):
            with self.subTest(kind):
                persian = read_page(self.client, self.urls("fa")[kind]).select_one(".story-card time").text
                english = read_page(self.client, self.urls("en")[kind]).select_one(".story-card time").text
                self.assertEqual((persian, english), ("دوشنبه ۲۷ اسفند ۱۴۰۳", "Monday 17 March 2025"))

    def test_corrections_are_shown_dated_at_the_foot_of_the_story(self):
        corrections = read_page(self.client, self.urls("fa")["story"]).select_one(".corrections")
        self.assertIn("ساعت کار بازارچه اصلاح شد.", corrections.text)
        self.assertIn("سه‌شنبه ۲۸ اسفند ۱۴۰۳", corrections.text)

    def test_story_links_to_its_neighbourhood_topics_tags_and_reporters(self):
        links = {a["href"] for a in read_page(self.client, self.urls("fa")["story"]).select("main a[href]")}
        urls = self.urls("fa")
        self.assertLessEqual({urls["neighbourhood"], urls["topic"], urls["tag"], urls["reporter"]}, links)

    def test_english_pages_link_to_english_pages(self):
        links = {a["href"] for a in read_page(self.client, self.urls("en")["story"]).select("main a[href]")}
        internal = {link for link in links if link.startswith("/")}
        self.assertTrue(internal)
        self.assertEqual({link for link in internal if not link.startswith("/en/")}, set())

    def test_language_switch_leads_to_the_same_page_in_the_other_language(self):
        switch = read_page(self.client, self.urls("fa")["story"]).select_one("a.language-switch")
        self.assertEqual(switch["href"], self.urls("en")["story"])
        back = read_page(self.client, switch["href"]).select_one("a.language-switch")
        self.assertEqual(back["href"], self.urls("fa")["story"])

    def test_language_switch_keeps_the_search_query(self):
        switch = read_page(self.client, "/search/?q=%D8%A2%D8%A8&sort=newest").select_one("a.language-switch")
        self.assertEqual(switch["href"], "/en/search/?q=%D8%A2%D8%A8&sort=newest")
