"""The demo site: about 60 stories loaded once, the real provincial news item as published, and no page
that loads anything from another host."""

import re
from pathlib import PurePosixPath
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import TestCase
from django.utils import translation
from wagtail.models import Page

from cms.demo.content import CONTENT_DIR, committee_news_item, load_demo_content
from cms.models import ArticlePage, NeighbourhoodPage, Photo, Reporter, Tag, Topic

from .reading import read_page, text_of

SITE_HOST = "testserver"  # the host the test client asks for
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""")


def css_urls(css: str) -> list[str]:
    return [url or imported for url, imported in CSS_URL.findall(css)]


def resource_urls(soup: BeautifulSoup) -> list[str]:
    """Every URL the browser would fetch by itself while showing the page (not links a reader follows)."""
    urls = [tag["src"] for tag in soup.find_all(src=True)]
    urls += [tag["href"] for tag in soup.find_all("link", href=True)]
    urls += [tag["poster"] for tag in soup.find_all(poster=True)]
    urls += [tag["data"] for tag in soup.find_all("object", data=True)]
    for tag in soup.find_all(srcset=True):
        urls += [candidate.split()[0] for candidate in tag["srcset"].split(",") if candidate.strip()]
    for tag in soup.find_all(style=True):
        urls += css_urls(tag["style"])
    for style in soup.find_all("style"):
        urls += css_urls(style.get_text())
    return urls


def stylesheet_urls(page_url: str, soup: BeautifulSoup) -> list[str]:
    """The URLs that the site's own stylesheets load (fonts, images), resolved against the stylesheet."""
    urls = []
    for link in soup.select("link[rel~=stylesheet][href]"):
        href = urljoin(page_url, link["href"])
        if urlsplit(href).netloc == SITE_HOST and urlsplit(href).path.startswith(settings.STATIC_URL):
            path = finders.find(str(PurePosixPath(urlsplit(href).path).relative_to(settings.STATIC_URL)))
            with open(path, encoding="utf-8") as stylesheet:
                urls += [urljoin(href, url) for url in css_urls(stylesheet.read())]
    return urls


def is_foreign(url: str) -> bool:
    host = urlsplit(url.strip()).netloc
    return bool(host) and host != SITE_HOST


class DemoSiteTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        assert not settings.DEBUG
        cls.loaded = load_demo_content()

    def demo_urls(self, language: str) -> list[str]:
        with translation.override(language):
            pages = [page.url for page in Page.objects.live().filter(depth__gte=2).specific()]
            listings = [item.get_url() for model in (Topic, Tag, Reporter) for item in model.objects.all()]
        return pages + listings

    def test_no_demo_page_loads_anything_from_another_host(self):
        foreign = []
        for language in ("fa", "en"):
            for url in self.demo_urls(language):
                page_url = f"http://{SITE_HOST}{url}"
                soup = read_page(self.client, url)
                urls = [urljoin(page_url, resource) for resource in resource_urls(soup)]
                foreign += [
                    (url, resource) for resource in urls + stylesheet_urls(page_url, soup) if is_foreign(resource)
                ]
        self.assertEqual(foreign, [])

    def test_demo_pages_include_every_page_type(self):
        urls = self.demo_urls("fa")
        self.assertGreaterEqual(len(urls), 60 + 8 + 10 + 6)
        self.assertTrue(any(url.startswith("/tags/") for url in urls))
        self.assertTrue(any(url.startswith("/reporters/") for url in urls))

    def test_demo_has_about_sixty_stories_in_eight_or_more_neighbourhoods_by_six_or_more_reporters(self):
        self.assertGreaterEqual(self.loaded, 60)
        self.assertEqual(ArticlePage.objects.live().count(), self.loaded)
        self.assertGreaterEqual(NeighbourhoodPage.objects.live().count(), 8)
        self.assertGreaterEqual(Reporter.objects.filter(stories__isnull=False).distinct().count(), 6)

    def test_every_topic_has_demo_stories(self):
        self.assertEqual(Topic.objects.filter(stories__isnull=True).count(), 0)

    def test_real_provincial_news_item_is_shown_with_its_date_and_its_missing_half_spaces(self):
        item = committee_news_item()
        with translation.override("fa"):
            url = ArticlePage.objects.get(title=item["title"]).url
        text = text_of(read_page(self.client, url))
        self.assertIn("دوشنبه ۲۷ اسفند ۱۴۰۳", text)
        self.assertIn("آغاز بهکار کمیته توانمندسازی اقتصادی محلات البرز", text)
        published = (CONTENT_DIR / "alborz-committee-news.txt").read_text(encoding="utf-8").splitlines()
        for paragraph in published[4:9]:
            self.assertIn(paragraph.strip(), text)
        for as_published in ("فعالیت میکند", "با حمایتهای لازم", "تفاهمنامههای منعقد شده"):
            self.assertIn(as_published, text)

    def test_real_news_item_leaves_out_the_source_sites_close_and_print_buttons(self):
        self.assertNotIn("بستن", "\n".join(committee_news_item()["paragraphs"]))

    def test_loading_again_adds_nothing(self):
        counts = [model.objects.count() for model in (Page, Reporter, Photo, Tag)]
        self.assertEqual(load_demo_content(), 0)
        self.assertEqual([model.objects.count() for model in (Page, Reporter, Photo, Tag)], counts)


def test_the_resource_check_finds_third_party_scripts_fonts_images_and_styles():
    soup = BeautifulSoup(
        """<link rel="stylesheet" href="https://cdn.example/site.css"><script src="//stats.example/a.js"></script>
        <img src="/media/a.jpg" srcset="/media/a.jpg 400w, https://img.example/b.jpg 800w">
        <div style="background: url('https://bg.example/x.png')"></div><style>@import "https://fonts.example/f.css";</style>
        <a href="https://www.aparat.com/v/1">video</a>""",
        "html.parser",
    )
    foreign = [url for url in resource_urls(soup) if is_foreign(url)]
    assert foreign == [
        "//stats.example/a.js",
        "https://cdn.example/site.css",
        "https://img.example/b.jpg",
        "https://bg.example/x.png",
        "https://fonts.example/f.css",
    ]
