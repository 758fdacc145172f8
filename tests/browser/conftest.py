"""Browser fixtures: one headless Chromium per test module, and a small but complete site to read."""

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from cms.factories import make_neighbourhood, make_photo, make_reporter, make_story, paragraph_blocks
from cms.models import ArticlePage, NeighbourhoodPage, Reporter, Tag, Topic

from .chromium import AXE_SCRIPT, fresh_profile_dir, start_chromium

TEHRAN = ZoneInfo("Asia/Tehran")


@pytest.fixture(scope="module")
def browser():
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT} is missing: run `npm ci` (or `make test`) first.")
    with fresh_profile_dir() as profile:
        driver = start_chromium(profile)
        driver.set_script_timeout(30)
        yield driver
        driver.quit()


@dataclass(frozen=True)
class ReaderSite:
    """The pages a reader visits, served by the live server."""

    base_url: str
    neighbourhood: NeighbourhoodPage
    story: ArticlePage
    reporter: Reporter
    topic: Topic
    tag: Tag

    def url(self, path: str) -> str:
        return self.base_url + path


def _full_story_body(seed: int) -> list[tuple[str, object]]:
    """A story body with every kind of block a reporter can use."""
    return [
        *paragraph_blocks(
            [
                "ده غرفه برای زنان سرپرست خانوار در بازارچه محلی گوهردشت برپا شد.",
                "فروشندگان می‌گویند فروش هفته اول از انتظارشان بیشتر بوده است.",
            ]
        ),
        ("quote", {"text": "این بازارچه به ما فرصت دیده‌شدن داد.", "attribution": "مریم، فروشنده ترشی خانگی"}),
        (
            "image",
            {
                "image": make_photo(title="غرفه‌های بازارچه", seed=seed + 1),
                "alt": "غرفه‌های چوبی بازارچه در پیاده‌روی خیابان",
                "caption": "غرفه‌های بازارچه در روز افتتاح",
                "credit": "زهرا احمدی",
            },
        ),
        ("facts", {"title": "درباره بازارچه", "items": ["ده غرفه", "هر پنجشنبه و جمعه", "بدون اجاره"]}),
        ("list", {"ordered": True, "items": ["ثبت‌نام در سرای محله", "دریافت غرفه", "شروع فروش"]}),
        (
            "video",
            {
                "url": "https://www.aparat.com/v/abc123",
                "title": "گزارش ویدیویی از بازارچه",
                "poster": make_photo(title="پوستر ویدیو", seed=seed + 2, size=(800, 450)),
                "alt": "نمای بازارچه پیش از پخش ویدیو",
            },
        ),
    ]


@pytest.fixture
def reader_site(live_server) -> ReaderSite:
    """Two neighbourhoods with photographed stories, and one story that uses every block."""
    gohardasht = make_neighbourhood(title="گوهردشت", description="محله‌ای در شمال غرب کرج.")
    mehrshahr = make_neighbourhood(title="مهرشهر", description="محله‌ای سرسبز در غرب کرج.")
    reporter = make_reporter(
        display_name="زهرا احمدی",
        slug="zahra-ahmadi",
        bio="خبرنگار محله گوهردشت.",
        neighbourhoods=[gohardasht],
        photo=make_photo(title="زهرا احمدی", seed=90, size=(320, 320)),
    )
    topic = Topic.objects.get(slug="local-economy")
    for number, neighbourhood in enumerate([gohardasht, mehrshahr, mehrshahr, gohardasht]):
        make_story(
            neighbourhood=neighbourhood,
            title=f"خبر شماره {number + 1} از {neighbourhood.title}",
            summary="خلاصه‌ای کوتاه از آنچه در محله گذشت.",
            reporters=[reporter],
            published_at=datetime(2025, 3, 1 + number, 10, tzinfo=TEHRAN),
            lead_image=make_photo(title=f"عکس {number}", seed=number),
        )
    story = make_story(
        neighbourhood=gohardasht,
        title="بازارچه مشاغل خانگی گوهردشت باز شد",
        summary="ده غرفه برای زنان سرپرست خانوار.",
        body=_full_story_body(seed=40),
        reporters=[reporter],
        topics=[topic],
        tags=["مشاغل خانگی", "بازارچه محلی"],
        published_at=datetime(2025, 3, 17, 13, 36, tzinfo=TEHRAN),
        lead_image=make_photo(title="بازارچه", seed=40),
        lead_image_alt="زنان فروشنده پشت غرفه‌های بازارچه",
        lead_image_caption="روز افتتاح بازارچه",
        lead_image_credit="زهرا احمدی",
        corrections=[(datetime(2025, 3, 18, 9, tzinfo=TEHRAN), "تعداد غرفه‌ها ده است، نه دوازده.")],
    )
    return ReaderSite(
        base_url=live_server.url,
        neighbourhood=gohardasht,
        story=story,
        reporter=reporter,
        topic=topic,
        tag=Tag.objects.get(name="مشاغل خانگی"),
    )
