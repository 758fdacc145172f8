"""The story page reads stories with SQL of its own (cms/models/story_reads.py, rows.py): what it
reads must be what the ORM reads, with the database's values converted the same way."""

from django.test import TestCase

from cms.factories import make_neighbourhood, make_photo, make_story
from cms.models import ArticlePage
from cms.models.home import HomePage
from cms.models.story_reads import published_headlines, story_at


class StoryReadsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.neighbourhood = make_neighbourhood(title="گوهردشت")
        cls.photo = make_photo(title="کوچه", seed=3)
        cls.story = make_story(
            neighbourhood=cls.neighbourhood,
            title="آب محله دو روز قطع شد",
            summary="اهالی گوهردشت دو روز بی‌آب ماندند.",
            lead_image=cls.photo,
            lead_image_alt="کوچه‌ای خشک",
        )
        cls.bare = make_story(neighbourhood=cls.neighbourhood, title="خبر بی‌عکس")
        cls.home = HomePage.objects.get()

    def test_the_story_at_a_url_is_read_with_its_neighbourhood_and_photo_as_the_orm_reads_them(self):
        story = story_at(self.home, self.neighbourhood.slug, self.story.slug)
        expected = ArticlePage.objects.get(pk=self.story.pk)

        for field in ArticlePage._meta.concrete_fields:
            with self.subTest(field=field.name):
                self.assertEqual(field.value_from_object(story), field.value_from_object(expected))
        self.assertEqual(story.first_published_at.utcoffset().total_seconds(), 0)
        self.assertEqual(story.neighbourhood.title, "گوهردشت")
        self.assertEqual(story.neighbourhood.url, self.neighbourhood.url)
        self.assertEqual(story.lead_image.file.name, self.photo.file.name)
        self.assertTrue(story.unrestricted_path)
        self.assertFalse(story._state.adding)

    def test_a_story_without_a_photo_reads_none_and_an_unknown_url_reads_nothing(self):
        self.assertIsNone(story_at(self.home, self.neighbourhood.slug, self.bare.slug).lead_image)
        self.assertIsNone(story_at(self.home, self.neighbourhood.slug, "no-such-story"))
        self.assertIsNone(story_at(self.home, "no-such-place", self.story.slug))

    def test_headlines_read_what_a_card_shows_and_leave_the_rest_deferred(self):
        headlines = published_headlines([self.bare.pk, self.story.pk])

        self.assertEqual(set(headlines), {self.bare.pk, self.story.pk})
        story = headlines[self.story.pk]
        self.assertEqual(
            (story.title, story.summary, story.lead_image_alt), (self.story.title, self.story.summary, "کوچه‌ای خشک")
        )
        self.assertEqual(story.first_published_at, ArticlePage.objects.get(pk=self.story.pk).first_published_at)
        self.assertEqual(story.neighbourhood.url, self.neighbourhood.url)
        self.assertIn("body", story.get_deferred_fields())
        self.assertIn("description", story.neighbourhood.get_deferred_fields())
