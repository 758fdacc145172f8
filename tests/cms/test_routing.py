"""A story's address is its neighbourhood's slug and its own: found in one query, and only there."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from cms.factories import make_neighbourhood, make_story
from cms.models import ArticlePage

from .reading import read_page, text_of


class StoryAddressTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.gohardasht = make_neighbourhood(title="گوهردشت")
        cls.azimieh = make_neighbourhood(title="عظیمیه")
        cls.story = make_story(neighbourhood=cls.gohardasht, title="بازگشایی بازارچه محلی", with_revision=False)

    def test_a_story_is_served_at_its_neighbourhood_address_with_its_neighbourhood(self):
        page = read_page(self.client, self.story.url)
        self.assertEqual(page.h1.get_text(strip=True), "بازگشایی بازارچه محلی")
        self.assertIn("گوهردشت", text_of(page.select_one(".story__header")))

    def test_a_story_is_found_with_its_neighbourhood_in_one_query(self):
        with CaptureQueriesContext(connection) as queries:
            self.client.get(self.story.url)
        by_slug = [query["sql"] for query in queries if '"slug" = ' in query["sql"]]
        self.assertEqual(len(by_slug), 1, by_slug)

    def test_a_story_is_not_found_under_another_neighbourhood(self):
        response = self.client.get(f"{self.azimieh.url}{self.story.slug}/")
        self.assertEqual(response.status_code, 404)

    def test_a_draft_story_is_not_found(self):
        draft = make_story(neighbourhood=self.gohardasht, title="پیش‌نویس گزارش آب", publish=False)
        self.assertEqual(self.client.get(f"{self.gohardasht.url}{draft.slug}/").status_code, 404)

    def test_a_story_whose_neighbourhood_field_lags_behind_the_tree_is_still_served_where_the_tree_puts_it(self):
        ArticlePage.objects.filter(pk=self.story.pk).update(neighbourhood=self.azimieh)
        page = read_page(self.client, f"{self.gohardasht.url}{self.story.slug}/")
        self.assertEqual(page.h1.get_text(strip=True), "بازگشایی بازارچه محلی")
        self.assertEqual(self.client.get(f"{self.azimieh.url}{self.story.slug}/").status_code, 404)
