"""The home, neighbourhood, topic, story and search pages and the search API cost the same number of
queries with 10 or 200 stories."""

import shutil
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import quote
from zoneinfo import ZoneInfo

from django.core.management import call_command
from django.db import connection
from django.test import Client, TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from cms.factories import make_neighbourhood, make_photo, make_reporter, make_story
from cms.models import Topic

FIRST_DAY = datetime(2024, 6, 1, 8, 0, tzinfo=ZoneInfo("Asia/Tehran"))
NEIGHBOURHOODS = ("گوهردشت", "عظیمیه", "مهرشهر", "کلاک")
FEW, MANY = 10, 200


# An index of this class's own, so related stories come from these stories and not from whatever
# another test left in the shared test index.
SEARCH_INDEX_DIR = Path(tempfile.mkdtemp(prefix="mahalleh-query-counts-"))


@override_settings(SEARCH_INDEX_DIR=SEARCH_INDEX_DIR)
class QueryCountTests(TestCase):
    """Builds a site of 10 stories and counts each page's queries, grows it to 200, and counts again."""

    @classmethod
    def setUpTestData(cls):
        cls.neighbourhoods = [make_neighbourhood(title=title) for title in NEIGHBOURHOODS]
        cls.reporters = [
            make_reporter(display_name=f"خبرنگار {n}", slug=f"reporter-{n}", neighbourhoods=[neighbourhood])
            for n, neighbourhood in enumerate(cls.neighbourhoods)
        ]
        cls.photos = [make_photo(title=f"عکس {seed}", seed=seed, size=(320, 180)) for seed in range(4)]
        cls.topic = Topic.objects.get(slug="housing")
        cls.add_stories(0, FEW)
        cls.story = cls.stories_made[0]
        cls.counts_with_few = cls.count_queries()
        cls.add_stories(FEW, MANY)

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(SEARCH_INDEX_DIR, ignore_errors=True)

    @classmethod
    def add_stories(cls, start: int, stop: int):
        cls.stories_made = [
            make_story(
                neighbourhood=cls.neighbourhoods[n % len(cls.neighbourhoods)],
                title=f"خبر مسکن شماره {n}",
                published_at=FIRST_DAY + timedelta(hours=n),
                reporters=[cls.reporters[n % len(cls.reporters)]],
                topics=[cls.topic],
                tags=["مسکن", f"برچسب {n % 7}"],
                lead_image=cls.photos[n % len(cls.photos)],
                corrections=[(FIRST_DAY + timedelta(hours=n + 1), "نام خیابان اصلاح شد.")],
                with_revision=False,
            )
            for n in range(start, stop)
        ]
        # The test's transaction never commits, so the index is filled here rather than after commit.
        call_command("search_index", "sync", verbosity=0)

    @classmethod
    def pages(cls) -> dict[str, str]:
        with translation.override("fa"):
            return {
                "home": "/",
                "neighbourhood": cls.neighbourhoods[0].url,
                "topic": cls.topic.get_url(),
                "story": cls.story.url,
                # Both show up to a page of results: 10 with few stories, 20 with many.
                "search": "/search/?q=" + quote("مسکن"),
                "search API": "/api/search/?q=" + quote("مسکن"),
            }

    @classmethod
    def count_queries(cls) -> dict[str, int]:
        client = Client()
        counts = {}
        for kind, url in cls.pages().items():
            assert client.get(url).status_code == 200  # the first view creates the photo renditions
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            counts[kind] = len(queries)
        return counts

    def assert_same_count_as_with_few_stories(self, kind: str):
        self.client.get(self.pages()[kind])
        with self.assertNumQueries(self.counts_with_few[kind]):
            self.assertEqual(self.client.get(self.pages()[kind]).status_code, 200)

    def test_home_page_queries_do_not_grow_with_the_number_of_stories(self):
        self.assert_same_count_as_with_few_stories("home")

    def test_neighbourhood_page_queries_do_not_grow_with_the_number_of_stories(self):
        self.assert_same_count_as_with_few_stories("neighbourhood")

    def test_topic_page_queries_do_not_grow_with_the_number_of_stories(self):
        self.assert_same_count_as_with_few_stories("topic")

    def test_story_page_queries_do_not_grow_with_the_number_of_stories(self):
        self.assert_same_count_as_with_few_stories("story")

    def test_search_page_queries_do_not_grow_with_the_number_of_results(self):
        self.assert_same_count_as_with_few_stories("search")

    def test_search_api_queries_do_not_grow_with_the_number_of_results(self):
        self.assert_same_count_as_with_few_stories("search API")

    def test_each_page_stays_within_its_query_budget(self):
        # Raise a budget only with a reason: a rise usually means a query per story in a loop. The
        # figures vary by one or two with the database and cache backends (rendition lookups).
        budget = {"home": 17, "neighbourhood": 16, "topic": 14, "story": 26, "search": 4, "search API": 4}
        over = {page: count for page, count in self.counts_with_few.items() if count > budget[page]}
        self.assertEqual(over, {})
