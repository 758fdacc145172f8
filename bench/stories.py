"""The one generator of synthetic stories for the benchmarks: realistic Persian copy at scale.

Words are drawn with the frequencies of the demo stories (cms/demo/content), so the vocabulary and
its long tail are those of real local news; lengths are those of a short news story (a 6–12 word
title, a 18–35 word summary, 3–6 paragraphs of 40–90 words, a quote in about a third of them), in
sentences punctuated as the demo stories are; a share of the copy arrives with Arabic letters,
spaces or nothing for half-spaces, and Arabic-Indic digits, as it does from reporters. Stories
spread over 60 neighbourhoods and 20 topics.

Stories are written straight into the page tables in batches, as Wagtail leaves a published story
without revisions; neighbourhoods, topics, reporters and tags are made first, the ordinary way.
Needs a configured Django (bench/generate_stories.py and bench/search.py set it up).
"""

import itertools
import json
import random
import re
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from cms.factories import make_neighbourhood, make_reporter
from cms.models import ArticlePage, ArticleTag, NeighbourhoodPage, Photo, Reporter, Tag, Topic
from search.admin_search import refresh_statistics

DEMO_STORIES = Path(__file__).resolve().parent.parent / "cms" / "demo" / "content" / "stories.json"
NEIGHBOURHOODS, TOPICS, REPORTERS, TAGS = 60, 20, 200, 400
BATCH = 2_000
YEARS_OF_STORIES = 4
PHOTO_SHARE = 0.7
QUOTE_SHARE = 0.3
# As often as in the demo stories: about 0.8 commas and 0.15 quoted phrases a sentence.
COMMA_SHARE, QUOTED_SHARE = 0.75, 0.15

PLACES = [
    "گوهردشت",
    "عظیمیه",
    "مهرشهر",
    "حصارک",
    "اسلام‌آباد",
    "حیدرآباد",
    "رجایی‌شهر",
    "باغستان",
    "دهقان‌ویلا",
    "گلشهر",
    "شاهین‌ویلا",
    "کلاک",
    "فردیس",
    "کمال‌شهر",
    "محمدشهر",
    "ماهدشت",
    "مشکین‌دشت",
    "نظرآباد",
    "هشتگرد",
    "اشتهارد",
]
PLACE_PARTS = ["شمالی", "جنوبی", "مرکزی"]
# Ten topics beyond the ten the site is seeded with (cms/migrations/0002_seed_site.py).
MORE_TOPICS = [
    ("transport", "حمل‌ونقل عمومی", "Public transport"),
    ("women-and-families", "زنان و خانواده", "Women and families"),
    ("children", "کودکان و نوجوانان", "Children and teenagers"),
    ("older-people", "سالمندان", "Older people"),
    ("water-and-power", "آب و برق", "Water and power"),
    ("neighbourhood-safety", "امنیت محله", "Neighbourhood safety"),
    ("waste", "پسماند و بازیافت", "Waste and recycling"),
    ("urban-farming", "کشاورزی شهری", "Urban farming"),
    ("charity", "خیریه و نیکوکاری", "Charity"),
    ("disability", "معلولان و دسترسی‌پذیری", "Disability and access"),
]
FIRST_NAMES = ["زهرا", "رضا", "مریم", "علی", "سمیه", "حسین", "نرگس", "مهدی", "فاطمه", "امیر", "لیلا", "جواد"]
LAST_NAMES = ["احمدی", "کریمی", "نظری", "رضایی", "موسوی", "حسینی", "صفری", "جعفری", "قاسمی", "رحیمی", "کاظمی"]
_ARABIC_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩")


@cache
def corpus_words() -> Counter:
    """Word frequencies of the real demo stories: the vocabulary and its Zipf-like distribution."""
    stories = json.loads(DEMO_STORIES.read_text())
    text = " ".join(" ".join([s["title"], s["summary"], *s["paragraphs"]]) for s in stories)
    return Counter(re.findall(r"[\w\u200c]+", text))


def mid_frequency_words() -> list[str]:
    """Words that say what a story is about: neither the commonest (stop words) nor one-offs."""
    return [word for word, _ in corpus_words().most_common()[40:1500] if len(word) > 2]


def writer_variant(text: str, rng: random.Random) -> str:
    """Spell a text the way real copy arrives: Arabic letters, spaces or nothing for half-spaces, digits."""
    roll = rng.random()
    if roll < 0.2:
        text = text.replace("ی", "ي").replace("ک", "ك")
    elif roll < 0.35:
        text = text.replace("\u200c", " ")
    elif roll < 0.45:
        text = text.replace("\u200c", "")
    if rng.random() < 0.2:
        text = text.translate(_ARABIC_DIGITS)
    return text


@dataclass
class Taxonomy:
    neighbourhoods: list[NeighbourhoodPage]
    topics: list[int]
    reporters: list[int]
    tags: list[int]
    photos: list[int]


def ensure_taxonomy(rng: random.Random, *, neighbourhoods: int = NEIGHBOURHOODS) -> Taxonomy:
    """At least ``neighbourhoods`` neighbourhoods, 20 topics, 200 reporters and 400 tags (existing
    ones, the demo's for instance, count towards these)."""
    for order, (slug, name_fa, name_en) in enumerate(MORE_TOPICS[: max(0, TOPICS - Topic.objects.count())], 100):
        Topic.objects.get_or_create(slug=slug, defaults={"name_fa": name_fa, "name_en": name_en, "sort_order": order})
    names = [f"{place} {part}" for part, place in itertools.product(PLACE_PARTS, PLACES)]
    existing = set(NeighbourhoodPage.objects.values_list("title", flat=True))
    missing = [name for name in names if name not in existing]
    for index in range(neighbourhoods - len(existing)):
        make_neighbourhood(title=missing[index], slug=f"bench-{index}")
    for number in range(Reporter.objects.count(), REPORTERS):
        make_reporter(
            display_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}", slug=f"bench-reporter-{number}"
        )
    for number, word in enumerate(mid_frequency_words()[: max(0, TAGS - Tag.objects.count())]):
        Tag.objects.get_or_create(name=word, defaults={"slug": f"bench-tag-{number}"})
    return Taxonomy(
        neighbourhoods=list(NeighbourhoodPage.objects.order_by("path")),
        topics=list(Topic.objects.values_list("pk", flat=True)),
        reporters=list(Reporter.objects.values_list("pk", flat=True)),
        tags=list(Tag.objects.values_list("pk", flat=True)),
        photos=list(Photo.objects.values_list("pk", flat=True)[:20]),
    )


class Writer:
    """Sentences and story bodies drawn from the demo vocabulary."""

    def __init__(self, rng: random.Random):
        words = corpus_words()
        self.rng, self.vocabulary = rng, list(words)
        self.cumulative = list(itertools.accumulate(words.values()))

    def words(self, shortest: int, longest: int) -> list[str]:
        return self.rng.choices(self.vocabulary, cum_weights=self.cumulative, k=self.rng.randint(shortest, longest))

    def phrase(self, shortest: int, longest: int) -> str:
        """Words without punctuation: a title, a name."""
        return writer_variant(" ".join(self.words(shortest, longest)), self.rng)

    def prose(self, shortest: int, longest: int) -> str:
        """Sentences of about 17 words with the demo stories' punctuation: a comma in most of them,
        now and then a «quoted» phrase."""
        remaining, sentences = self.rng.randint(shortest, longest), []
        while remaining > 0:
            words = self.words(min(remaining, 8), min(remaining, 26))
            remaining -= len(words)
            if len(words) > 4 and self.rng.random() < COMMA_SHARE:
                words[self.rng.randrange(1, len(words) - 2)] += "،"
            if len(words) > 4 and self.rng.random() < QUOTED_SHARE:
                start = self.rng.randrange(1, len(words) - 2)
                words[start], words[start + 1] = f"«{words[start]}", f"{words[start + 1]}»"
            sentences.append(" ".join(words) + ".")
        return writer_variant(" ".join(sentences), self.rng)

    def body(self) -> str:
        blocks = [
            {"type": "paragraph", "value": f"<p>{self.prose(40, 90)}</p>", "id": str(uuid.uuid4())}
            for _ in range(self.rng.randint(3, 6))
        ]
        if self.rng.random() < QUOTE_SHARE:
            quote = {"text": self.prose(12, 30), "attribution": self.phrase(2, 3)}
            blocks.insert(self.rng.randint(1, len(blocks)), {"type": "quote", "value": quote, "id": str(uuid.uuid4())})
        return json.dumps(blocks, ensure_ascii=False)


def _next_positions(neighbourhoods: list[NeighbourhoodPage]) -> dict[int, int]:
    """The next free tree position under each neighbourhood, after any child it already has."""
    positions = {}
    for neighbourhood in neighbourhoods:
        last = (
            Page.objects.filter(path__startswith=neighbourhood.path, depth=neighbourhood.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        positions[neighbourhood.pk] = int(last[-Page.steplen :], 36) + 1 if last else 1
    return positions


def _insert(pages: list[Page], stories: list[tuple], taxonomy: Taxonomy, rng: random.Random) -> None:
    with transaction.atomic():
        Page.objects.bulk_create(pages)
        with connection.cursor() as cursor:
            # Django's bulk_create cannot write a multi-table child: its own row goes in by hand.
            cursor.executemany(
                "INSERT INTO cms_articlepage (page_ptr_id, summary, body, neighbourhood_id, lead_image_id, "
                "lead_image_alt, lead_image_caption, lead_image_credit) VALUES (%s, %s, %s, %s, %s, %s, %s, '')",
                [(page.pk, *story) for page, story in zip(pages, stories, strict=True)],
            )
        ArticlePage.topics.through.objects.bulk_create(
            ArticlePage.topics.through(articlepage_id=page.pk, topic_id=topic)
            for page in pages
            for topic in rng.sample(taxonomy.topics, rng.randint(1, 2))
        )
        ArticlePage.reporters.through.objects.bulk_create(
            ArticlePage.reporters.through(articlepage_id=page.pk, reporter_id=rng.choice(taxonomy.reporters))
            for page in pages
        )
        ArticleTag.objects.bulk_create(
            ArticleTag(content_object_id=page.pk, tag_id=tag)
            for page in pages
            for tag in rng.sample(taxonomy.tags, rng.randint(0, 3))
        )


def add_stories(total: int, *, rng: random.Random, neighbourhoods: int = NEIGHBOURHOODS, report=print) -> int:
    """Add live stories until there are ``total``; returns how many were added."""
    missing = total - ArticlePage.objects.count()
    if missing <= 0:
        return 0
    taxonomy = ensure_taxonomy(rng, neighbourhoods=neighbourhoods)
    writer = Writer(rng)
    content_type, locale = ContentType.objects.get_for_model(ArticlePage), Locale.get_default()
    positions = _next_positions(taxonomy.neighbourhoods)
    now, started = timezone.now(), time.perf_counter()
    for batch_start in range(0, missing, BATCH):
        pages, stories = [], []
        for _ in range(batch_start, min(batch_start + BATCH, missing)):
            neighbourhood = rng.choice(taxonomy.neighbourhoods)
            position = positions[neighbourhood.pk]
            positions[neighbourhood.pk] += 1
            title = writer.phrase(6, 12)
            slug = f"khabar-{neighbourhood.pk}-{position}"
            published = now - timedelta(minutes=rng.randint(0, 60 * 24 * 365 * YEARS_OF_STORIES))
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    locale=locale,
                    path=Page._get_path(neighbourhood.path, neighbourhood.depth + 1, position),
                    depth=neighbourhood.depth + 1,
                    numchild=0,
                    live=True,
                    has_unpublished_changes=False,
                    url_path=f"{neighbourhood.url_path}{slug}/",
                    first_published_at=published,
                    last_published_at=published,
                    translation_key=uuid.uuid4(),
                )
            )
            photo = rng.choice(taxonomy.photos) if taxonomy.photos and rng.random() < PHOTO_SHARE else None
            alt = f"نمایی از {neighbourhood.title}" if photo else ""
            stories.append((writer.prose(18, 35), writer.body(), neighbourhood.pk, photo, alt, title if photo else ""))
        _insert(pages, stories, taxonomy, rng)
        report(f"  {batch_start + len(pages):,} of {missing:,} stories written ({time.perf_counter() - started:.0f} s)")
    for neighbourhood in taxonomy.neighbourhoods:
        children = Page.objects.filter(path__startswith=neighbourhood.path, depth=neighbourhood.depth + 1).count()
        Page.objects.filter(pk=neighbourhood.pk).update(numchild=children)
    # Bulk inserts leave the planner without statistics for the tables they filled.
    refresh_statistics()
    return missing
