"""A story's address is its neighbourhood's slug and its own: found in one query, and only there."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cms.factories import home_page, make_neighbourhood, make_story
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

    def test_a_story_is_found_by_both_slugs_in_one_query(self):
        with CaptureQueriesContext(connection) as queries:
            self.client.get(self.story.url)
        by_slug = [query["sql"] for query in queries if "slug = " in query["sql"].replace('"', "")]
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


class RestrictedStoryTests(TestCase):
    """Wagtail's view restrictions hold on a story routed in one query, whichever ancestor has one."""

    @classmethod
    def setUpTestData(cls):
        cls.neighbourhood = make_neighbourhood(title="گوهردشت")
        cls.story = make_story(neighbourhood=cls.neighbourhood, title="جلسه خصوصی شورا", with_revision=False)

    def assert_asks_for_the_password(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("جلسه خصوصی شورا", response.content.decode())
        self.assertContains(response, 'name="password"')

    def restrict(self, page):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")

    def test_a_restriction_on_the_story_holds(self):
        self.restrict(self.story)
        self.assert_asks_for_the_password(self.story.url)

    def test_a_restriction_on_its_neighbourhood_holds(self):
        self.restrict(self.neighbourhood)
        self.assert_asks_for_the_password(self.story.url)

    def test_a_restriction_on_the_home_page_holds(self):
        self.restrict(home_page())
        self.assert_asks_for_the_password(self.story.url)

    def test_a_restriction_on_the_original_of_an_aliased_neighbourhood_holds_on_the_alias_story(self):
        alias = self.neighbourhood.create_alias(recursive=True, update_slug="گوهردشت-نو")
        self.restrict(self.neighbourhood)
        self.assert_asks_for_the_password(f"{alias.url}{self.story.slug}/")

    def test_the_ancestors_are_not_fetched_again_to_read_the_restrictions(self):
        with CaptureQueriesContext(connection) as queries:
            self.client.get(self.story.url)
        ancestors = [query["sql"] for query in queries if '"wagtailcore_page"."alias_of_id" FROM' in query["sql"]]
        self.assertEqual(ancestors, [])

    def test_an_unrestricted_story_asks_for_no_restrictions_of_its_own(self):
        # Whether any are on its path comes with the story itself, in the routing query.
        self.restrict(make_neighbourhood(title="عظیمیه"))
        with CaptureQueriesContext(connection) as queries:
            self.assertContains(self.client.get(self.story.url), "جلسه خصوصی شورا")
        asked = [
            query["sql"] for query in queries if query["sql"].startswith('SELECT "wagtailcore_pageviewrestriction"')
        ]
        self.assertEqual(asked, [])
