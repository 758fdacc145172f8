"""Scales the demo content to 100,000 stories over 60 neighbourhoods with bulk inserts.

Run by hand against the benchmark database (never a real one):
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/mahalleh_bench .venv/bin/python bench/generate_stories.py

Neighbourhoods are created through Wagtail (there are only 60); stories are written straight into
the page tables in batches, as Wagtail would leave a published story without revisions.
"""

import argparse
import json
import os
import random
import sys
import uuid
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/mahalleh_bench")

import django

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402

from cms.demo.content import load_demo_content  # noqa: E402
from cms.factories import make_neighbourhood  # noqa: E402
from cms.models import ArticlePage, NeighbourhoodPage, Photo, Reporter, Topic  # noqa: E402

BATCH = 5_000
BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
WORDS = [
    "آب",
    "برق",
    "گاز",
    "مدرسه",
    "پارک",
    "بازارچه",
    "اتوبوس",
    "مترو",
    "بیمارستان",
    "درمانگاه",
    "کوچه",
    "خیابان",
    "محله",
    "شهرداری",
    "اشتغال",
    "مسکن",
    "اجاره",
    "بیمه",
    "کارگاه",
    "آموزش",
    "کتابخانه",
    "ورزشگاه",
    "جشن",
    "نوروز",
]


def step(number: int) -> str:
    digits = ""
    for _ in range(4):
        number, remainder = divmod(number, 36)
        digits = BASE36[remainder] + digits
    return digits


def ensure_neighbourhoods(count: int) -> list[NeighbourhoodPage]:
    existing = NeighbourhoodPage.objects.count()
    for number in range(existing, count):
        make_neighbourhood(title=f"محله شماره {number + 1}", slug=f"mahalleh-{number + 1}")
    return list(NeighbourhoodPage.objects.order_by("path"))


def sentence(rng: random.Random, length: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(length))


@transaction.atomic
def add_stories(total: int, neighbourhoods: list[NeighbourhoodPage]) -> int:
    rng = random.Random(6)
    missing = total - ArticlePage.objects.count()
    if missing <= 0:
        return 0
    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    topics = list(Topic.objects.values_list("pk", flat=True))
    photos = list(Photo.objects.values_list("pk", flat=True)[:20])
    reporters = list(Reporter.objects.values_list("pk", flat=True))
    next_step = {}
    for neighbourhood in neighbourhoods:
        last = Page.objects.filter(path__startswith=neighbourhood.path, depth=neighbourhood.depth + 1).order_by("-path")
        last_path = last.values_list("path", flat=True).first()
        next_step[neighbourhood.pk] = int(last_path[-4:], 36) + 1 if last_path else 1
    oldest = ArticlePage.objects.order_by("first_published_at").values_list("first_published_at", flat=True).first()
    start = (oldest or timezone.now()) - timedelta(minutes=1)
    created = 0
    while created < missing:
        batch = []
        for _ in range(min(BATCH, missing - created)):
            neighbourhood = neighbourhoods[created % len(neighbourhoods)]
            position = next_step[neighbourhood.pk]
            next_step[neighbourhood.pk] += 1
            published = start - timedelta(minutes=13 * created)
            title = f"{sentence(rng, 6)} {created + 1}"
            slug = f"khabar-{position}"
            batch.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    locale=locale,
                    translation_key=uuid.uuid4(),
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    url_path=f"{neighbourhood.url_path}{slug}/",
                    path=neighbourhood.path + step(position),
                    depth=neighbourhood.depth + 1,
                    numchild=0,
                    show_in_menus=False,
                )
            )
            created += 1
        pages = Page.objects.bulk_create(batch)
        story_rows, topic_rows, reporter_rows = [], [], []
        for page in pages:
            neighbourhood_id = next(n.pk for n in neighbourhoods if page.path.startswith(n.path))
            body = json.dumps(
                [
                    {"type": "paragraph", "value": f"<p>{sentence(rng, 60)}</p>", "id": str(uuid.uuid4())}
                    for _ in range(5)
                ]
            )
            photo = rng.choice(photos) if photos and rng.random() < 0.7 else None
            story_rows.append(
                (page.pk, sentence(rng, 20), photo, page.title if photo else "", "", "", body, neighbourhood_id)
            )
            topic_rows.append((page.pk, rng.choice(topics)))
            reporter_rows.append((page.pk, rng.choice(reporters)))
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO cms_articlepage (page_ptr_id, summary, lead_image_id, lead_image_alt, lead_image_caption,"
                " lead_image_credit, body, neighbourhood_id) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                story_rows,
            )
            cursor.executemany(
                "INSERT INTO cms_articlepage_topics (articlepage_id, topic_id) VALUES (%s, %s)", topic_rows
            )
            cursor.executemany(
                "INSERT INTO cms_articlepage_reporters (articlepage_id, reporter_id) VALUES (%s, %s)", reporter_rows
            )
        print(f"  {created:,} of {missing:,} stories written", flush=True)
    for neighbourhood in neighbourhoods:
        children = Page.objects.filter(path__startswith=neighbourhood.path, depth=neighbourhood.depth + 1).count()
        Page.objects.filter(pk=neighbourhood.pk).update(numchild=children)
    return created


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument("--neighbourhoods", type=int, default=60)
    options = parser.parse_args()
    call_command("migrate", verbosity=0)
    if not ArticlePage.objects.exists():
        print(f"Loaded {load_demo_content()} demo stories.")
    neighbourhoods = ensure_neighbourhoods(options.neighbourhoods)
    print(f"{len(neighbourhoods)} neighbourhoods; adding stories up to {options.stories:,}.")
    print(f"Added {add_stories(options.stories, neighbourhoods):,} stories; {ArticlePage.objects.count():,} in all.")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


if __name__ == "__main__":
    main()
