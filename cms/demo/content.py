"""Loads the demo neighbourhoods, reporters and stories (cms/demo/content/) into an empty site."""

import json
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from django.db import transaction

from ..factories import make_neighbourhood, make_photo, make_reporter, make_story, paragraph_blocks
from ..models import ArticlePage, Reporter, Topic

CONTENT_DIR = Path(__file__).parent / "content"
TEHRAN = ZoneInfo("Asia/Tehran")

PROVINCE_DESK = {
    "slug": "alborz",
    "title": "استان البرز",
    "city": "karaj",
    "description": "خبرهایی که همه محله‌های استان البرز را در بر می‌گیرد.",
}
PROVINCE_REPORTER = {
    "key": "mahalleh-desk",
    "display_name": "تحریریه محله",
    "bio": "خبرهای استانی و گزارش‌هایی که از منابع دیگر بازنشر می‌شود.",
    "neighbourhoods": ["alborz"],
}


def _read(name: str):
    return json.loads((CONTENT_DIR / name).read_text(encoding="utf-8"))


def _body(story: dict, seed: int) -> list[tuple[str, object]]:
    body = paragraph_blocks(story["paragraphs"])
    if quote := story.get("quote"):
        body.insert(min(2, len(body)), ("quote", {"text": quote["text"], "attribution": quote.get("attribution", "")}))
    if facts := story.get("facts"):
        body.append(("facts", facts))
    if listing := story.get("list"):
        body.append(("list", {"ordered": listing.get("ordered", False), "items": listing["items"]}))
    if video := story.get("video"):
        poster = make_photo(title=video["title"], seed=seed + 10_000, size=(800, 450))
        body.append(("video", {"url": video["url"], "title": video["title"], "poster": poster, "alt": video["title"]}))
    return body


def committee_news_item() -> dict:
    """The real provincial news item, as published: its missing half-spaces are kept."""
    lines = [
        line.strip() for line in (CONTENT_DIR / "alborz-committee-news.txt").read_text(encoding="utf-8").splitlines()
    ]
    title, dateline, lead = lines[1], lines[2], lines[3]
    jalali_date, clock = (part.strip() for part in dateline.split(" - "))
    # «دوشنبه 27 اسفند 1403 - 13:36:35» is 17 March 2025 in Tehran.
    published = datetime(2025, 3, 17, *map(int, clock.split(":")), tzinfo=TEHRAN)
    assert jalali_date.endswith("27 اسفند 1403"), jalali_date
    summary = re.sub(r"^ایرانیان جهان - | - اخبار استانها -$", "", lead).strip()
    # The source page's "Close  Print" buttons were copied with the text, spaced with no-break spaces.
    paragraphs = [
        line for line in lines[4:] if line and not line.startswith("http") and line.split() != ["بستن", "چاپ"]
    ]
    return {
        "slug": title,
        "title": title,
        "summary": summary,
        "neighbourhood": PROVINCE_DESK["slug"],
        "topics": ["local-economy", "employment"],
        "tags": ["مشاغل خانگی", "بازارچه محلی", "خبرنگار محله", "قرارگاه اجتماعی"],
        "reporters": [PROVINCE_REPORTER["key"]],
        "published": published.isoformat(),
        "paragraphs": paragraphs,
        "source": "ایرانیان جهان",
    }


@transaction.atomic
def load_demo_content() -> int:
    """Builds the demo site; returns the number of stories created. Does nothing if stories exist."""
    if ArticlePage.objects.exists():
        return 0
    neighbourhoods = {}
    for item in [PROVINCE_DESK, *_read("neighbourhoods.json")]:
        neighbourhoods[item["slug"]] = make_neighbourhood(
            title=item["title"], city=item["city"], description=item["description"]
        )
    reporters: dict[str, Reporter] = {}
    for seed, item in enumerate([PROVINCE_REPORTER, *_read("reporters.json")]):
        reporters[item["key"]] = make_reporter(
            display_name=item["display_name"],
            slug=item["key"],
            bio=item["bio"],
            neighbourhoods=[neighbourhoods[slug] for slug in item["neighbourhoods"]],
            photo=make_photo(title=item["display_name"], seed=500 + seed, size=(320, 320)),
        )
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    stories = [committee_news_item(), *_read("stories.json")]
    for seed, item in enumerate(stories):
        make_story(
            neighbourhood=neighbourhoods[item["neighbourhood"]],
            title=item["title"],
            slug=item["slug"],
            summary=item["summary"],
            body=_body(item, seed),
            reporters=[reporters[key] for key in item["reporters"]],
            topics=[topics[slug] for slug in item["topics"]],
            tags=item["tags"],
            published_at=datetime.fromisoformat(item["published"]),
            lead_image=make_photo(title=item["title"], seed=seed),
            lead_image_alt=f"نمایی از خیابان‌ها و ساختمان‌های {neighbourhoods[item['neighbourhood']].title}",
            lead_image_caption=item["title"],
            lead_image_credit=item.get("source") or reporters[item["reporters"][0]].display_name,
            corrections=[(datetime.fromisoformat(c["date"]), c["text"]) for c in item.get("corrections", [])],
        )
    return len(stories)
