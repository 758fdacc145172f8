"""Which stories lists may show: live ones with no view restriction on them or above them."""

from django.test import TestCase
from wagtail.models import PageViewRestriction

from cms.factories import home_page, make_neighbourhood, make_story
from cms.models import ArticlePage


def restrict(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


class PublishedStoriesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.gohardasht = make_neighbourhood(title="گوهردشت")
        cls.azimieh = make_neighbourhood(title="عظیمیه")
        cls.open_story = make_story(neighbourhood=cls.gohardasht, title="بازارچه محلی", with_revision=False)
        cls.neighbour_story = make_story(neighbourhood=cls.azimieh, title="ایستگاه اتوبوس", with_revision=False)
        cls.draft = make_story(neighbourhood=cls.gohardasht, title="پیش‌نویس", with_revision=False, publish=False)

    def published_titles(self):
        return set(ArticlePage.objects.published().values_list("title", flat=True))

    def test_live_unrestricted_stories_are_published_and_drafts_are_not(self):
        self.assertEqual(self.published_titles(), {"بازارچه محلی", "ایستگاه اتوبوس"})

    def test_a_restriction_on_a_story_hides_only_that_story(self):
        restrict(self.open_story)
        self.assertEqual(self.published_titles(), {"ایستگاه اتوبوس"})

    def test_a_restriction_on_a_neighbourhood_hides_its_stories_and_not_its_neighbours(self):
        restrict(self.gohardasht)
        self.assertEqual(self.published_titles(), {"ایستگاه اتوبوس"})

    def test_a_restriction_on_the_home_page_hides_every_story(self):
        restrict(home_page())
        self.assertEqual(self.published_titles(), set())

    def test_the_filter_holds_inside_a_subquery(self):
        restrict(self.gohardasht)
        newest = ArticlePage.objects.published().newest_per_neighbourhood([self.gohardasht.pk, self.azimieh.pk], 2)
        self.assertEqual(set(newest.values_list("title", flat=True)), {"ایستگاه اتوبوس"})
