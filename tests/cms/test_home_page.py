"""The front page: editors' lead and featured stories, topped up with the newest, and a strip per neighbourhood."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.test import TestCase

from cms.factories import home_page, make_neighbourhood, make_story
from cms.models import HomeFeaturedStory

from .reading import read_page

FIRST_DAY = datetime(2025, 1, 1, 9, 0, tzinfo=ZoneInfo("Asia/Tehran"))


class FrontPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.gohardasht = make_neighbourhood(title="گوهردشت")
        cls.mehrshahr = make_neighbourhood(title="مهرشهر")
        cls.kalak = make_neighbourhood(title="کلاک")
        # Oldest first: stories[0] is the oldest, stories[-1] the newest.
        cls.stories = [
            make_story(
                neighbourhood=cls.gohardasht if day % 2 else cls.mehrshahr,
                title=f"خبر شماره {day}",
                published_at=FIRST_DAY + timedelta(days=day),
                with_revision=False,
            )
            for day in range(10)
        ]

    def choose(self, *, lead=None, featured=()):
        home = home_page()
        home.lead_story = lead
        home.featured_stories = [HomeFeaturedStory(story=story) for story in featured]
        home.save()

    def front(self) -> tuple[str, list[str]]:
        soup = read_page(self.client, "/")
        lead = soup.select_one(".front .story-card--lead .story-card__title").text.strip()
        featured = [title.text.strip() for title in soup.select(".front .story-grid .story-card__title")]
        return lead, featured

    def titles(self, *indexes: int) -> list[str]:
        return [self.stories[index].title for index in indexes]

    def test_without_editors_choice_the_newest_story_leads_and_the_next_four_are_featured(self):
        self.assertEqual(self.front(), (self.stories[9].title, self.titles(8, 7, 6, 5)))

    def test_editors_lead_and_featured_stories_come_first_topped_up_with_the_newest(self):
        self.choose(lead=self.stories[0], featured=[self.stories[2], self.stories[1]])
        self.assertEqual(self.front(), (self.stories[0].title, self.titles(2, 1, 9, 8)))

    def test_unpublished_chosen_stories_are_skipped(self):
        self.stories[0].unpublish()
        self.stories[2].unpublish()
        self.choose(lead=self.stories[0], featured=[self.stories[2], self.stories[1]])
        lead, featured = self.front()
        self.assertEqual((lead, featured), (self.stories[9].title, self.titles(1, 8, 7, 6)))

    def test_a_story_chosen_as_lead_and_featured_is_shown_once(self):
        self.choose(lead=self.stories[3], featured=[self.stories[3], self.stories[4]])
        self.assertEqual(self.front(), (self.stories[3].title, self.titles(4, 9, 8, 7)))

    def test_latest_stories_leave_out_those_already_on_the_front(self):
        soup = read_page(self.client, "/")
        latest = [title.text.strip() for title in soup.select("#latest-heading ~ .story-list .story-card__title")]
        self.assertEqual(latest, self.titles(4, 3, 2, 1, 0))

    def test_each_neighbourhood_has_a_strip_of_its_four_newest_stories(self):
        soup = read_page(self.client, "/")
        strips = {
            strip.h2.text.strip(): [title.text.strip() for title in strip.select(".story-card__title")]
            for strip in soup.select("section.strip")
        }
        self.assertEqual(
            strips,
            {
                "کلاک": [],
                "گوهردشت": self.titles(9, 7, 5, 3),
                "مهرشهر": self.titles(8, 6, 4, 2),
            },
        )

    def test_a_neighbourhood_without_stories_shows_an_empty_state_in_its_strip(self):
        soup = read_page(self.client, "/")
        strip = next(strip for strip in soup.select("section.strip") if strip.h2.text.strip() == "کلاک")
        self.assertIsNotNone(strip.select_one(".empty-state"))

    def test_front_page_of_a_site_without_stories_shows_an_empty_state(self):
        for story in self.stories:
            story.delete()
        soup = read_page(self.client, "/")
        self.assertIsNone(soup.select_one(".story-card"))
        self.assertIsNotNone(soup.select_one("#latest-heading ~ .empty-state"))
