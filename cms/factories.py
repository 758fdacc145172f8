"""Builders of whole page trees, shared by the demo content and the tests."""

import io
import random
from datetime import datetime

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image, ImageDraw

from .models import ArticleCorrection, ArticlePage, HomePage, NeighbourhoodPage, Photo, Reporter, Topic
from .persian import persian_slugify
from .photos.uploads import add_photo


def home_page() -> HomePage:
    return HomePage.objects.get(depth=2)


def make_photo(*, title: str, seed: int, size: tuple[int, int] = (1200, 675)) -> Photo:
    """A generated street-like photo: demo photos are never downloaded."""
    buffer = io.BytesIO()
    street_picture(seed=seed, size=size).save(buffer, format="JPEG", quality=82)
    return add_photo(title=title, file=ImageFile(buffer, name=f"demo-{seed}.jpg"))


def street_picture(*, seed: int, size: tuple[int, int]) -> Image.Image:
    """Sky, buildings and windows, drawn from ``seed``."""
    rng = random.Random(seed)
    width, height = size
    picture = Image.new("RGB", size)
    draw = ImageDraw.Draw(picture)
    sky_top, sky_bottom = (rng.randint(90, 140), rng.randint(150, 190), 230), (230, 220, rng.randint(180, 220))
    horizon = int(height * rng.uniform(0.45, 0.6))
    for y in range(horizon):
        mix = y / horizon
        draw.line(
            [(0, y), (width, y)], fill=tuple(int(a + (b - a) * mix) for a, b in zip(sky_top, sky_bottom, strict=False))
        )
    draw.rectangle([0, horizon, width, height], fill=(rng.randint(90, 120),) * 3)
    x = 0
    while x < width:
        building_width = rng.randint(width // 12, width // 5)
        top = rng.randint(int(height * 0.15), horizon - 10)
        colour = (rng.randint(150, 220), rng.randint(120, 180), rng.randint(90, 150))
        draw.rectangle([x, top, x + building_width, horizon], fill=colour)
        for wy in range(top + 12, horizon - 20, 28):
            for wx in range(x + 8, x + building_width - 16, 24):
                draw.rectangle([wx, wy, wx + 10, wy + 14], fill=(250, 240, rng.choice((160, 200, 240))))
        x += building_width + rng.randint(2, 12)
    return picture


def make_neighbourhood(*, title: str, city: str = "karaj", description: str = "", slug: str = "") -> NeighbourhoodPage:
    page = NeighbourhoodPage(title=title, slug=persian_slugify(slug or title), city=city, description=description)
    home_page().add_child(instance=page)
    page.save_revision().publish()
    return page


def make_reporter(*, display_name: str, slug: str, bio: str = "", neighbourhoods=(), photo=None, user=None) -> Reporter:
    reporter = Reporter.objects.create(display_name=display_name, slug=slug, bio=bio, photo=photo, user=user)
    reporter.neighbourhoods.set(neighbourhoods)
    return reporter


def paragraph_blocks(paragraphs: list[str]) -> list[tuple[str, str]]:
    return [("paragraph", f"<p>{text}</p>") for text in paragraphs]


def make_story(
    *,
    neighbourhood: NeighbourhoodPage,
    title: str,
    summary: str = "",
    body: list[tuple[str, object]] | None = None,
    reporters=(),
    topics=(),
    tags=(),
    published_at: datetime | None = None,
    lead_image: Photo | None = None,
    lead_image_alt: str = "",
    lead_image_caption: str = "",
    lead_image_credit: str = "",
    slug: str = "",
    corrections: list[tuple[datetime, str]] = (),
    with_revision: bool = True,
    publish: bool = True,
) -> ArticlePage:
    """A live story under its neighbourhood, first published at ``published_at``.

    ``with_revision=False`` skips Wagtail's revision machinery, for tests that need many stories;
    ``publish=False`` leaves a draft that readers cannot see.
    """
    published_at = published_at or timezone.now()
    story = ArticlePage(
        title=title,
        slug=persian_slugify(slug or title),
        summary=summary or title,
        body=body if body is not None else paragraph_blocks([summary or title]),
        lead_image=lead_image,
        lead_image_alt=(lead_image_alt or title) if lead_image else "",
        lead_image_caption=lead_image_caption,
        lead_image_credit=lead_image_credit,
        first_published_at=published_at,
        last_published_at=published_at,
        live=publish and not with_revision,
    )
    story.reporters = list(reporters)
    story.topics = list(topics or Topic.objects.all()[:1])
    story.tags.set(list(tags))
    story.corrections = [ArticleCorrection(published_at=date, text=text) for date, text in corrections]
    neighbourhood.add_child(instance=story)
    if with_revision and not publish:
        story.save_revision()
    elif with_revision:
        story.save_revision().publish()
        # Publishing stamps "now"; the story's own date is what readers see as last updated.
        ArticlePage.objects.filter(pk=story.pk).update(last_published_at=published_at)
        story.refresh_from_db()
    return story
