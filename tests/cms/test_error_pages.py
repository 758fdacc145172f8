"""The 404 and 500 pages are Persian pages in the site's own layout."""

from bs4 import BeautifulSoup
from django.test import Client, TestCase, override_settings
from django.urls import path

from cms.models import Topic
from config.urls import urlpatterns as site_urlpatterns

from .reading import text_of


def broken_view(request):
    raise RuntimeError("A bug in a view")


# This module doubles as a URLconf: the site's own URLs plus a view that fails.
urlpatterns = [path("broken/", broken_view), *site_urlpatterns]


def parse(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


class NotFoundPageTests(TestCase):
    def test_missing_page_is_a_persian_page_in_the_site_layout(self):
        response = self.client.get("/محله-ای-که-نیست/")
        self.assertEqual(response.status_code, 404)
        soup = parse(response)
        self.assertEqual((soup.html["lang"], soup.html["dir"]), ("fa", "rtl"))
        self.assertIsNotNone(soup.select_one("a.skip-link[href='#main']"))
        self.assertIsNotNone(soup.select_one("header.site-header"))
        self.assertIsNotNone(soup.select_one("main#main h1"))
        self.assertIsNotNone(soup.select_one("footer.site-footer"))
        self.assertIn(Topic.objects.get(slug="housing").name_fa, text_of(soup.select_one("nav.topic-nav")))

    def test_missing_page_under_en_is_in_english(self):
        response = self.client.get("/en/no-such-neighbourhood/")
        self.assertEqual(response.status_code, 404)
        soup = parse(response)
        self.assertEqual((soup.html["lang"], soup.html["dir"]), ("en", "ltr"))
        self.assertIn("Housing", text_of(soup.select_one("nav.topic-nav")))

    def test_unknown_topic_tag_and_reporter_are_not_found(self):
        for url in ("/topics/no-such-topic/", "/tags/برچسبی-که-نیست/", "/reporters/nobody/"):
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 404)


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
class ServerErrorPageTests(TestCase):
    def test_a_failing_view_shows_a_persian_error_page_in_the_site_layout(self):
        response = Client(raise_request_exception=False).get("/broken/")
        self.assertEqual(response.status_code, 500)
        soup = parse(response)
        self.assertEqual((soup.html["lang"], soup.html["dir"]), ("fa", "rtl"))
        self.assertIsNotNone(soup.select_one("header.site-header a.brand"))
        self.assertIsNotNone(soup.select_one("main#main h1"))
        self.assertIsNotNone(soup.select_one("a[href='/']"))
        self.assertNotIn("A bug in a view", response.content.decode())
