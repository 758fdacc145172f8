"""A story page reads its topics, byline, tags and corrections with SQL of its own
(cms/models/story_relations.py): readers see the live story's, in order, and an editor's preview
of a draft sees the draft's."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse

from cms.factories import make_neighbourhood, make_reporter, make_story
from cms.models import ArticleCorrection, ArticlePage, Topic
from cms.models.home import HomePage
from cms.models.story_reads import story_at
from cms.models.story_relations import load_relations

from .reading import read_page

TEHRAN = ZoneInfo("Asia/Tehran")


def shown(page) -> dict[str, list[str]]:
    return {
        "kicker": [link.text for link in page.select(".page-header__kicker a")],
        "byline": [link.text for link in page.select(".story__byline a")],
        "tags": [link.text for link in page.select(".story__tags a")],
        "corrections": [item.select_one("span").text for item in page.select(".corrections li")],
    }


class StoryRelationsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.neighbourhood = make_neighbourhood(title="گوهردشت")
        cls.topics = list(Topic.objects.order_by("sort_order", "name_fa")[:3])
        cls.reporters = [make_reporter(display_name=name, slug=slug) for name, slug in (("مریم", "m"), ("بهرام", "b"))]
        cls.story = make_story(
            neighbourhood=cls.neighbourhood,
            title="آب محله دو روز قطع شد",
            # Given out of order: the page shows each list in its own order.
            topics=[cls.topics[2], cls.topics[0]],
            reporters=cls.reporters,
            tags=["کم‌آبی", "آب"],
            corrections=[
                (datetime(2025, 3, 20, 9, 0, tzinfo=TEHRAN), "اصلاح دوم"),
                (datetime(2025, 3, 18, 9, 0, tzinfo=TEHRAN), "اصلاح اول"),
            ],
        )

    def test_readers_see_topics_byline_tags_and_corrections_each_in_order(self):
        self.assertEqual(
            shown(read_page(self.client, self.story.url)),
            {
                "kicker": ["گوهردشت", self.topics[0].name_fa, self.topics[2].name_fa],
                "byline": ["بهرام", "مریم"],
                "tags": ["#آب", "#کم‌آبی"],
                "corrections": ["اصلاح اول", "اصلاح دوم"],
            },
        )

    def test_a_story_with_none_shows_no_byline_tags_or_corrections(self):
        bare = make_story(neighbourhood=self.neighbourhood, title="خبر کوتاه", topics=[self.topics[1]])
        self.assertEqual(
            shown(read_page(self.client, bare.url)),
            {"kicker": ["گوهردشت", self.topics[1].name_fa], "byline": [], "tags": [], "corrections": []},
        )

    def test_a_preview_of_a_draft_shows_the_drafts_relations_and_readers_still_the_live_ones(self):
        draft = self.story.get_latest_revision_as_object()
        draft.topics = [self.topics[1]]
        draft.reporters = [self.reporters[0]]
        draft.tags.set(["مدرسه"])
        draft.corrections = [ArticleCorrection(published_at=datetime(2025, 3, 21, tzinfo=TEHRAN), text="تازه")]
        draft.save_revision()
        self.client.force_login(get_user_model().objects.create_superuser("editor", "e@example.com", "pass"))

        preview = read_page(self.client, reverse("wagtailadmin_pages:view_draft", args=[self.story.pk]))
        self.assertEqual(
            shown(preview),
            {
                "kicker": ["گوهردشت", self.topics[1].name_fa],
                "byline": ["مریم"],
                "tags": ["#مدرسه"],
                "corrections": ["تازه"],
            },
        )
        self.client.logout()
        self.assertEqual(shown(read_page(self.client, self.story.url))["byline"], ["بهرام", "مریم"])

    def test_relations_read_with_the_story_or_on_their_own_are_what_the_orm_reads(self):
        with_the_story = story_at(HomePage.objects.get(), self.neighbourhood.slug, self.story.slug)
        on_their_own = ArticlePage.objects.get(pk=self.story.pk)
        with self.assertNumQueries(1):
            load_relations(on_their_own)
        expected = ArticlePage.objects.get(pk=self.story.pk)

        for story in (with_the_story, on_their_own):
            for relation in ("topics", "reporters", "corrections"):
                read, orm = getattr(story, relation).all(), getattr(expected, relation).all()
                self.assertEqual([item.pk for item in read], [item.pk for item in orm])
                for item, orm_item in zip(read, orm, strict=True):
                    for field in type(item)._meta.concrete_fields:
                        with self.subTest(relation=relation, field=field.name):
                            self.assertEqual(field.value_from_object(item), field.value_from_object(orm_item))
            self.assertEqual([tag.name for tag in story.tags.all()], ["آب", "کم‌آبی"])
            self.assertEqual({item.published_at.utcoffset().total_seconds() for item in story.corrections.all()}, {0})
