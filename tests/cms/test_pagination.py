"""Every list pages by 20, answers 404 for a page that does not exist, and has an empty state."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.test import TestCase
from django.utils import translation

from cms.factories import make_neighbourhood, make_reporter, make_story
from cms.models import Tag, Topic

from .reading import read_page

FIRST_DAY = datetime(2025, 1, 1, 9, 0, tzinfo=ZoneInfo("Asia/Tehran"))


class PaginatedListsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.neighbourhood = make_neighbourhood(title="عظیمیه")
        cls.reporter = make_reporter(display_name="رضا کریمی", slug="reza-karimi", neighbourhoods=[cls.neighbourhood])
        cls.topic = Topic.objects.get(slug="housing")
        cls.count = settings.STORIES_PER_PAGE + 1
        cls.stories = [
            make_story(
                neighbourhood=cls.neighbourhood,
                title=f"خبر مسکن شماره {number}",
                published_at=FIRST_DAY + timedelta(days=number),
                reporters=[cls.reporter],
                topics=[cls.topic],
                tags=["مسکن مهر"],
                with_revision=False,
            )
            for number in range(cls.count)
        ]
        cls.tag = Tag.objects.get(name="مسکن مهر")
        cls.empty_neighbourhood = make_neighbourhood(title="کلاک")
        cls.quiet_reporter = make_reporter(display_name="مریم رضایی", slug="maryam-rezaei")

    def lists(self, language: str = "fa") -> dict[str, str]:
        with translation.override(language):
            return {
                "neighbourhood": self.neighbourhood.url,
                "topic": self.topic.get_url(),
                "tag": self.tag.get_url(),
                "reporter": self.reporter.get_url(),
            }

    def empty_lists(self) -> dict[str, str]:
        with translation.override("fa"):
            return {
                "neighbourhood": self.empty_neighbourhood.url,
                "topic": Topic.objects.get(slug="sports").get_url(),
                "reporter": self.quiet_reporter.get_url(),
            }

    def test_first_page_shows_the_twenty_newest_stories(self):
        for kind, url in self.lists().items():
            with self.subTest(kind):
                titles = [t.text.strip() for t in read_page(self.client, url).select(".story-card__title")]
                self.assertEqual(titles, [story.title for story in reversed(self.stories[1:])])

    def test_second_page_shows_the_rest_and_links_back(self):
        for kind, url in self.lists().items():
            with self.subTest(kind):
                soup = read_page(self.client, f"{url}?page=2")
                titles = [t.text.strip() for t in soup.select(".story-card__title")]
                self.assertEqual(titles, [self.stories[0].title])
                self.assertEqual(soup.select_one(".pagination a[rel=prev]")["href"], "?page=1")
                self.assertIsNone(soup.select_one(".pagination a[rel=next]"))

    def test_page_numbers_are_in_persian_digits_on_persian_pages_only(self):
        persian = read_page(self.client, self.lists("fa")["topic"]).select_one(".pagination__current").text
        english = read_page(self.client, self.lists("en")["topic"]).select_one(".pagination__current").text
        self.assertIn("۱", persian)
        self.assertNotRegex(persian, "[0-9]")
        self.assertIn("1", english)

    def test_pages_that_do_not_exist_are_not_found(self):
        for kind, url in self.lists().items():
            for page in ("0", "3", "-1", "abc", "1.5", "", "99999999999999999999"):
                with self.subTest(kind, page=page):
                    self.assertEqual(self.client.get(url, {"page": page}).status_code, 404)

    def test_lists_without_stories_show_an_empty_state_and_no_pagination(self):
        for kind, url in self.empty_lists().items():
            with self.subTest(kind):
                soup = read_page(self.client, url)
                self.assertIsNotNone(soup.select_one("main .empty-state"))
                self.assertIsNone(soup.select_one(".story-card"))
                self.assertIsNone(soup.select_one(".pagination"))

    def test_lists_without_stories_have_no_second_page(self):
        for kind, url in self.empty_lists().items():
            with self.subTest(kind):
                self.assertEqual(self.client.get(url, {"page": "2"}).status_code, 404)
