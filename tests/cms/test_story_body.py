"""What a story may contain: sanitised rich text, videos only from allowed hosts, described lead photos."""

import json

from django.conf import settings
from django.test import TestCase
from wagtail.test.utils import WagtailTestUtils

from cms.factories import make_neighbourhood, make_photo, make_reporter, make_story
from cms.models import ArticlePage

from .admin_forms import add_story_url, story_form
from .reading import read_page


class RichTextSanitisingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.story = make_story(
            neighbourhood=make_neighbourhood(title="حصارک"),
            title="خبری با متن ناامن",
            body=[
                (
                    "paragraph",
                    '<p onclick="steal()">سلام <b>محله</b><script>alert(1)</script>'
                    ' <a href="javascript:steal()">پیوند</a> <a href="https://example.org/">منبع</a>'
                    '<img src="https://tracker.example/pixel.gif"></p>',
                )
            ],
        )

    def stored_paragraph(self) -> str:
        return ArticlePage.objects.get(pk=self.story.pk).body.raw_data[0]["value"]

    def test_script_tags_event_handlers_and_images_are_removed_before_saving(self):
        stored = self.stored_paragraph()
        for unsafe in ("<script", "onclick", "javascript:", "<img", "tracker.example"):
            self.assertNotIn(unsafe, stored)

    def test_allowed_formatting_and_links_are_kept(self):
        stored = self.stored_paragraph()
        self.assertIn("<b>محله</b>", stored)
        self.assertIn('<a href="https://example.org/" rel="nofollow ugc noopener">منبع</a>', stored)

    def test_the_published_page_carries_no_script_from_the_body(self):
        body = read_page(self.client, self.story.url).select_one(".story__body")
        self.assertEqual(body.select("script, img, [onclick]"), [])
        self.assertIn("سلام", body.text)


class LinkRulesTests(TestCase):
    """The paragraph's allow-list, read from what is stored: the protocols a link may use, the rel of links
    that leave the site, and Wagtail's own page links, which must survive."""

    @classmethod
    def setUpTestData(cls):
        cls.neighbourhood = make_neighbourhood(title="کلاک")

    def stored(self, html: str) -> str:
        story = make_story(
            neighbourhood=self.neighbourhood, title=f"خبر {ArticlePage.objects.count()}", body=[("paragraph", html)]
        )
        return ArticlePage.objects.get(pk=story.pk).body.raw_data[0]["value"]

    def test_http_https_mailto_and_tel_links_are_kept_with_rel_on_each(self):
        for href in ("http://example.org/a", "https://example.org/b", "mailto:desk@example.org", "tel:+982612345678"):
            with self.subTest(href=href):
                self.assertEqual(
                    self.stored(f'<p><a href="{href}">پیوند</a></p>'),
                    f'<p><a href="{href}" rel="nofollow ugc noopener">پیوند</a></p>',
                )

    def test_other_protocols_lose_their_address_however_they_are_written(self):
        for href in (
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "jav&#x09;ascript:alert(1)",
            "&#106;avascript:alert(1)",
            " javascript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "vbscript:msgbox(1)",
            "ftp://example.org/file",
        ):
            with self.subTest(href=href):
                self.assertEqual(self.stored(f'<p><a href="{href}">پیوند</a></p>'), "<p><a>پیوند</a></p>")

    def test_the_writers_own_rel_target_and_id_are_replaced_or_dropped(self):
        stored = self.stored('<p><a href="https://example.org/" rel="opener" target="_blank" id="main">x</a></p>')
        self.assertEqual(stored, '<p><a href="https://example.org/" rel="nofollow ugc noopener">x</a></p>')

    def test_links_to_site_pages_keep_wagtails_stored_form_without_rel(self):
        stored = self.stored(f'<p><a linktype="page" id="{self.neighbourhood.pk}">محله</a></p>')
        self.assertEqual(stored, f'<p><a linktype="page" id="{self.neighbourhood.pk}">محله</a></p>')
        page = read_page(self.client, ArticlePage.objects.latest("pk").url).select_one(".story__body a")
        self.assertEqual(page["href"], self.neighbourhood.url)
        self.assertIsNone(page.get("rel"))

    def test_style_svg_mathml_and_unknown_tags_leave_only_their_text(self):
        stored = self.stored(
            '<p style="color:red"><span style="x:expression(alert(1))">متن</span>'
            "<svg><script>alert(1)</script></svg><math><mi>x</mi></math><strong>پررنگ</strong>"
            "<!-- note --><style>p{}</style></p>"
        )
        for unsafe in ("style", "<svg", "<math", "<script", "<span", "<strong", "<!--"):
            self.assertNotIn(unsafe, stored)
        self.assertIn("متن", stored)
        self.assertIn("پررنگ", stored)


class AdminStoryValidationTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.neighbourhood = make_neighbourhood(title="باغستان")
        cls.reporter = make_reporter(display_name="سارا نوری", slug="sara-nouri", neighbourhoods=[cls.neighbourhood])
        cls.photo = make_photo(title="بازارچه", seed=1, size=(320, 180))

    def setUp(self):
        self.login()

    def submit(self, **fields):
        data = story_form(self.client, self.neighbourhood, reporter=self.reporter, **fields)
        return self.client.post(add_story_url(self.neighbourhood), data)

    def video(self, url: str):
        return [("video", {"url": url, "title": "گشتی در بازارچه", "poster": self.photo.pk, "alt": "غرفه‌های بازارچه"})]

    def test_video_from_an_allowed_host_is_accepted(self):
        response = self.submit(body=self.video("https://www.aparat.com/v/gh7Fs2k"))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(ArticlePage.objects.get().body[0].value["url"], "https://www.aparat.com/v/gh7Fs2k")

    def test_video_from_another_host_is_refused_with_a_message_naming_the_allowed_hosts(self):
        for url in (
            "https://videos.example.com/v/1",
            "http://www.aparat.com/v/gh7Fs2k",
            "https://aparat.com.evil.io/v/1",
        ):
            with self.subTest(url=url):
                response = self.submit(body=self.video(url))
                self.assertEqual(response.status_code, 200)
                message = json.dumps(response.context["form"].errors.as_data()["body"][0].as_json_data())
                for host in settings.VIDEO_HOSTS:
                    self.assertIn(host, message)
                self.assertFalse(ArticlePage.objects.exists())

    def test_lead_photo_without_alt_text_is_refused(self):
        response = self.submit(lead_image=str(self.photo.pk), lead_image_alt="  ")
        self.assertEqual(response.status_code, 200)
        self.assertIn("lead_image_alt", response.context["form"].errors)
        self.assertFalse(ArticlePage.objects.exists())

    def test_lead_photo_with_alt_text_is_accepted(self):
        response = self.submit(lead_image=str(self.photo.pk), lead_image_alt="غرفه‌های بازارچه باغستان")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(ArticlePage.objects.get().lead_image_alt, "غرفه‌های بازارچه باغستان")
