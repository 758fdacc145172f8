"""Tree rules: neighbourhoods only under the home page, stories only under neighbourhoods."""

from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from cms.factories import home_page, make_neighbourhood
from cms.models import ArticlePage, HomePage, NeighbourhoodPage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_stories_can_only_live_under_neighbourhoods(self):
        self.assertAllowedParentPageTypes(ArticlePage, {NeighbourhoodPage})
        self.assertCanNotCreateAt(HomePage, ArticlePage)
        self.assertCanNotCreateAt(ArticlePage, ArticlePage)

    def test_neighbourhoods_can_only_live_under_the_home_page(self):
        self.assertAllowedParentPageTypes(NeighbourhoodPage, {HomePage})
        self.assertCanNotCreateAt(Page, NeighbourhoodPage)
        self.assertCanNotCreateAt(NeighbourhoodPage, NeighbourhoodPage)

    def test_neighbourhoods_hold_only_stories_and_stories_hold_nothing(self):
        self.assertAllowedSubpageTypes(NeighbourhoodPage, {ArticlePage})
        self.assertAllowedSubpageTypes(ArticlePage, set())
        self.assertAllowedSubpageTypes(HomePage, {NeighbourhoodPage})

    def test_a_second_home_page_cannot_be_created(self):
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))

    def test_admin_refuses_to_add_a_story_directly_under_the_home_page(self):
        self.login()
        home = home_page()
        refused = self.client.post(
            reverse("wagtailadmin_pages:add", args=["cms", "articlepage", home.pk]),
            {"title": "خبر بی‌محله", "slug": "خبر-بی-محله", "action-publish": "action-publish"},
        )
        allowed = self.client.get(
            reverse("wagtailadmin_pages:add", args=["cms", "articlepage", make_neighbourhood(title="کلاک").pk])
        )
        self.assertEqual(allowed.status_code, 200)
        self.assertNotEqual(refused.status_code, 200)
        self.assertFalse(ArticlePage.objects.exists())
