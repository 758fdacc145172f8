"""Persian URLs: slugs keep Persian letters, fold letter variants and half-spaces, and always route."""

from urllib.parse import quote

from django.test import TestCase
from wagtail.test.utils import WagtailTestUtils

from cms.factories import home_page, make_neighbourhood, make_reporter, make_story
from cms.models import ArticlePage, NeighbourhoodPage, Tag
from cms.persian import ZWNJ, persian_slugify

from .admin_forms import add_story_url, story_form
from .reading import read_page, text_of

ARABIC_YEH, ARABIC_KAF = "ي", "ك"


def arabic_letters(text: str) -> str:
    """The same text typed on an Arabic keyboard layout."""
    return text.replace("ی", ARABIC_YEH).replace("ک", ARABIC_KAF)


def test_slug_keeps_persian_letters():
    assert persian_slugify("گوهردشت") == "گوهردشت"


def test_half_space_space_and_hyphen_make_the_same_slug():
    assert persian_slugify(f"مشاغل{ZWNJ}خانگی") == persian_slugify("مشاغل خانگی") == "مشاغل-خانگی"


def test_arabic_yeh_and_kaf_fold_to_persian_letters():
    assert persian_slugify("كيك خانگي") == "کیک-خانگی"


def test_persian_digits_in_a_slug_become_latin():
    assert persian_slugify("بودجه ۱۴۰۳") == "بودجه-1403"


class PageSlugTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.neighbourhood = make_neighbourhood(title="اسلام‌آباد")
        cls.story = make_story(neighbourhood=cls.neighbourhood, title="کیک‌پزی خانگی در اسلام‌آباد", with_revision=False)

    def test_page_slug_typed_with_half_space_and_arabic_letters_is_stored_normalised(self):
        page = home_page().add_child(instance=NeighbourhoodPage(title="حیدرآباد", slug=f"حيدر{ZWNJ}آباد"))
        self.assertEqual(NeighbourhoodPage.objects.get(pk=page.pk).slug, "حیدر-آباد")

    def test_story_slug_keeps_persian_letters_and_turns_half_spaces_into_hyphens(self):
        self.assertEqual(self.story.slug, "کیک-پزی-خانگی-در-اسلام-آباد")

    def story_path(self) -> str:
        return f"/اسلام-آباد/{self.story.slug}/"

    def test_story_is_reachable_at_its_persian_address_as_typed(self):
        self.assertIn(self.story.title, text_of(read_page(self.client, self.story_path())))

    def test_story_is_reachable_at_its_percent_encoded_address(self):
        self.assertEqual(self.story.url, quote(self.story_path()))
        self.assertIn(self.story.title, text_of(read_page(self.client, self.story.url)))

    def test_story_is_reachable_with_arabic_yeh_and_kaf_in_its_address(self):
        self.assertIn(self.story.title, text_of(read_page(self.client, arabic_letters(self.story_path()))))
        self.assertIn(self.story.title, text_of(read_page(self.client, quote(arabic_letters(self.story_path())))))

    def test_story_is_reachable_with_half_spaces_in_its_address(self):
        path = f"/اسلام{ZWNJ}آباد/کیک{ZWNJ}پزی-خانگی-در-اسلام{ZWNJ}آباد/"
        self.assertIn(self.story.title, text_of(read_page(self.client, path)))


class TagSlugTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.neighbourhood = make_neighbourhood(title="مهرشهر")

    def tagged(self, title: str, tag: str):
        return make_story(neighbourhood=self.neighbourhood, title=title, tags=[tag], with_revision=False)

    def tag_titles(self, url: str) -> set[str]:
        return {title.text.strip() for title in read_page(self.client, url).select(".story-card__title")}

    def test_tag_slug_keeps_persian_letters_and_turns_half_spaces_into_hyphens(self):
        self.tagged("خبر یک", f"مشاغل{ZWNJ}خانگی")
        self.assertEqual(Tag.objects.get().slug, "مشاغل-خانگی")

    def test_tag_typed_with_arabic_letters_is_the_same_tag(self):
        persian = self.tagged("کتابخانه محله باز شد", "کتابخانه")
        arabic = self.tagged("کتاب‌های تازه رسید", "كتابخانه")
        tag = Tag.objects.get()
        self.assertEqual((tag.name, tag.slug), ("کتابخانه", "کتابخانه"))
        self.assertEqual(self.tag_titles(tag.get_url()), {persian.title, arabic.title})

    def test_two_different_tags_never_share_a_slug(self):
        spaced = self.tagged("خبر الف", "مسکن مهر")
        hyphened = self.tagged("خبر ب", "مسکن-مهر")
        first, second = Tag.objects.get(name="مسکن مهر"), Tag.objects.get(name="مسکن-مهر")
        self.assertNotEqual(first.slug, second.slug)
        self.assertEqual(self.tag_titles(first.get_url()), {spaced.title})
        self.assertEqual(self.tag_titles(second.get_url()), {hyphened.title})

    def test_tag_is_reachable_at_its_persian_address_encoded_or_not_and_with_arabic_letters(self):
        story = self.tagged("خبر بازارچه", "بازارچه محلی")
        path = "/tags/بازارچه-محلی/"
        for url in (path, quote(path), arabic_letters(path), quote(arabic_letters(path)), f"/en{quote(path)}"):
            with self.subTest(url=url):
                self.assertEqual(self.tag_titles(url), {story.title})

    def test_tag_address_with_a_half_space_reaches_the_tag(self):
        story = self.tagged("خبر خانگی", "مشاغل خانگی")
        self.assertEqual(self.tag_titles(f"/tags/مشاغل{ZWNJ}خانگی/"), {story.title})


class AdminSlugTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.neighbourhood = make_neighbourhood(title="گلشهر")
        cls.reporter = make_reporter(display_name="علی موسوی", slug="ali-mousavi", neighbourhoods=[cls.neighbourhood])

    def setUp(self):
        self.login()

    def test_story_added_in_the_admin_with_a_half_space_in_its_slug_is_stored_with_a_hyphen(self):
        data = story_form(self.client, self.neighbourhood, reporter=self.reporter, slug=f"بازارچه{ZWNJ}ی-گلشهر")
        response = self.client.post(add_story_url(self.neighbourhood), data)
        self.assertEqual(response.status_code, 302)
        story = ArticlePage.objects.get()
        self.assertEqual((story.slug, story.live), ("بازارچه-ی-گلشهر", True))

    def test_story_added_in_the_admin_with_arabic_letters_in_its_slug_is_stored_with_persian_ones(self):
        data = story_form(self.client, self.neighbourhood, reporter=self.reporter, slug="كيك-پزي")
        self.assertEqual(self.client.post(add_story_url(self.neighbourhood), data).status_code, 302)
        self.assertEqual(ArticlePage.objects.get().slug, "کیک-پزی")

    def test_tag_typed_in_the_admin_with_arabic_letters_joins_the_existing_persian_tag(self):
        earlier = make_story(neighbourhood=self.neighbourhood, title="کتابخانه گلشهر", tags=["کتابخانه"])
        data = story_form(self.client, self.neighbourhood, reporter=self.reporter, tags="كتابخانه")
        self.assertEqual(self.client.post(add_story_url(self.neighbourhood), data).status_code, 302)
        tag = Tag.objects.get()
        self.assertEqual(
            set(ArticlePage.objects.with_tag(tag)), {earlier, ArticlePage.objects.exclude(pk=earlier.pk).get()}
        )
