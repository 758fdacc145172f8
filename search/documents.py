"""What the index knows about a story, built in bulk from the database (a fixed number of queries
per batch, whatever its size) and only ever for live, public stories."""

import multiprocessing
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db import connections

from cms.models import ArticlePage, ArticleTag, PhotoRendition

from .normalise import normalise, shingles

BATCH_SIZE = 500
MAX_WORKERS = 4
# The rendition story cards show in lists (templates/components/story_card.html), if already made.
CARD_RENDITION = "fill-320x180"


@dataclass(slots=True)
class StoryDocument:
    """One live story as every backend indexes it: display text as written, plus normalised copies."""

    id: int
    title: str
    summary: str
    body: str
    url: str
    published_at: datetime
    language: str = "fa"
    neighbourhood: int | None = None
    topics: list[int] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    reporters: list[int] = field(default_factory=list)
    image_url: str = ""
    # Names of the story's neighbourhood, topics, tags and reporters, so that «گوهردشت» finds
    # stories filed there; renaming any of them re-indexes the stories that carry the name.
    context: str = ""
    # The normalised copies every backend indexes, made once (in the worker that built the document).
    title_terms: str = field(init=False)
    text_terms: str = field(init=False)
    context_terms: str = field(init=False)
    compound_terms: str = field(init=False)

    def __post_init__(self):
        self.title_terms = normalise(self.title)
        self.text_terms = normalise(f"{self.summary}\n{self.body}")
        self.context_terms = normalise(self.context)
        self.compound_terms = shingles(f"{self.title}\n{self.summary}")


def searchable_stories():
    """The only stories any backend may ever return: live and public."""
    return ArticlePage.objects.published()


def site_path(url_path: str) -> str:
    """A page's path from the site root: the home page is the root, so its own slug is dropped."""
    return "/" + url_path.strip("/").partition("/")[2] + "/"


def _grouped(rows) -> dict[int, list[tuple]]:
    grouped: dict[int, list[tuple]] = defaultdict(list)
    for story_id, *values in rows:
        grouped[story_id].append(tuple(values))
    return grouped


def build_documents(story_ids: Iterable[int]) -> list[StoryDocument]:
    """Documents for those of ``story_ids`` that are still live and public; the rest are skipped.

    Plain values rather than page instances: building Wagtail pages costs more than indexing them.
    """
    stories = list(
        searchable_stories()
        .filter(pk__in=list(story_ids))
        .values_list(
            "pk",
            "title",
            "summary",
            "body",
            "url_path",
            "first_published_at",
            "neighbourhood_id",
            "neighbourhood__title",
            "lead_image_id",
        )
    )
    ids = [row[0] for row in stories]
    topics = _grouped(
        ArticlePage.topics.through.objects.filter(articlepage_id__in=ids).values_list(
            "articlepage_id", "topic_id", "topic__name_fa", "topic__name_en"
        )
    )
    reporters = _grouped(
        ArticlePage.reporters.through.objects.filter(articlepage_id__in=ids).values_list(
            "articlepage_id", "reporter_id", "reporter__display_name"
        )
    )
    tags = _grouped(
        ArticleTag.objects.filter(content_object_id__in=ids).values_list("content_object_id", "tag__slug", "tag__name")
    )
    images = {
        rendition.image_id: rendition.url
        for rendition in PhotoRendition.objects.filter(
            image_id__in={row[-1] for row in stories if row[-1]}, filter_spec=CARD_RENDITION
        )
    }
    body_block = ArticlePage.body.field.stream_block
    documents = []
    for story_id, title, summary, body, url_path, published_at, neighbourhood, place, image in stories:
        names = [place or "", *(f"{fa} {en}" for _, fa, en in topics[story_id]), *(name for _, name in tags[story_id])]
        names += [name for _, name in reporters[story_id]]
        documents.append(
            StoryDocument(
                id=story_id,
                title=title,
                summary=summary,
                body=body_block.plain_text(body),
                url=site_path(url_path),
                published_at=published_at,
                neighbourhood=neighbourhood,
                topics=[topic for topic, *_ in topics[story_id]],
                tags=[slug for slug, _ in tags[story_id]],
                reporters=[reporter for reporter, _ in reporters[story_id]],
                image_url=images.get(image, ""),
                context="\n".join(names),
            )
        )
    return documents


def _build_in_worker(story_ids: list[int]) -> list[StoryDocument]:
    return build_documents(story_ids)


def _id_batches(after_id: int, batch_size: int) -> Iterator[list[int]]:
    ids = list(searchable_stories().filter(pk__gt=after_id).order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        yield ids[start : start + batch_size]


def iter_documents(
    *, after_id: int = 0, batch_size: int = BATCH_SIZE, workers: int | None = None
) -> Iterator[list[StoryDocument]]:
    """Every searchable story in id order, a batch at a time, starting after ``after_id`` (for resuming).

    Building documents (plain text, normalisation) is the slow part of a rebuild, so with more than
    one CPU the batches are built in worker processes, and still yielded in id order.
    """
    batches = _id_batches(after_id, batch_size)
    workers = workers or settings.SEARCH_INDEX_WORKERS or min(os.cpu_count() or 1, MAX_WORKERS)
    if workers == 1:
        yield from map(build_documents, batches)
        return
    # Each forked worker must open its own database connection.
    connections.close_all()
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        yield from pool.map(_build_in_worker, batches, chunksize=1)
