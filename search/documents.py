"""What the index knows about a story, built in bulk from the database (a fixed number of queries
per batch, whatever its size) and only ever for live, public stories."""

import functools
import multiprocessing
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from typing import Generic, TypeVar

from django.conf import settings
from django.db import connections
from django.db.models import ExpressionWrapper, F, JSONField

from cms.models import ArticlePage, ArticleTag, PhotoRendition

from .normalise import normalise, shingles

BATCH_SIZE = 500
MAX_WORKERS = 4
# The rendition story cards show in lists (cms/templatetags/story_cards.py), if already made.
CARD_RENDITION = "fill-320x180"
Encoded = TypeVar("Encoded")


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
    names: list[str] = field(default_factory=list)
    # The normalised copies every backend indexes, made once (in the worker that built the document).
    title_terms: str = field(init=False)
    text_terms: str = field(init=False)
    context_terms: str = field(init=False)
    compound_terms: str = field(init=False)

    def __post_init__(self):
        self.title_terms = normalise(self.title)
        summary_terms = normalise(self.summary)
        self.text_terms = f"{summary_terms} {normalise(self.body)}".strip()
        self.context_terms = " ".join(map(_name_terms, self.names))
        self.compound_terms = shingles([*self.title_terms.split(), *summary_terms.split()])


# The same few names (neighbourhoods, topics, reporters, tags) recur on story after story.
_name_terms = functools.lru_cache(maxsize=16_384)(normalise)


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


def _documents(selection: dict[str, object]) -> list[StoryDocument]:
    """Documents of the live, public stories whose id passes the lookups of ``selection`` (``in``: ids,
    or ``gte`` and ``lte``), in id order: a fixed number of queries, each narrowed by the same lookups.

    Plain values rather than page instances, and the body as its stored JSON rather than a StreamValue:
    building Wagtail pages and blocks costs more than indexing them.
    """
    stories = list(
        searchable_stories()
        .filter(**{f"pk__{lookup}": value for lookup, value in selection.items()})
        .order_by("pk")
        .values_list(
            "pk",
            "title",
            "summary",
            ExpressionWrapper(F("body"), output_field=JSONField()),
            "url_path",
            "first_published_at",
            "neighbourhood_id",
            "neighbourhood__title",
            "lead_image_id",
        )
    )
    story_lookup = {f"articlepage_id__{lookup}": value for lookup, value in selection.items()}
    topics = _grouped(
        ArticlePage.topics.through.objects.filter(**story_lookup).values_list(
            "articlepage_id", "topic_id", "topic__name_fa", "topic__name_en"
        )
    )
    reporters = _grouped(
        ArticlePage.reporters.through.objects.filter(**story_lookup).values_list(
            "articlepage_id", "reporter_id", "reporter__display_name"
        )
    )
    tags = _grouped(
        ArticleTag.objects.filter(
            **{f"content_object_id__{lookup}": value for lookup, value in selection.items()}
        ).values_list("content_object_id", "tag__slug", "tag__name")
    )
    images = dict(
        PhotoRendition.objects.filter(
            image_id__in={row[-1] for row in stories if row[-1]}, filter_spec=CARD_RENDITION
        ).values_list("image_id", "file")
    )
    body_block = ArticlePage.body.field.stream_block
    storage = PhotoRendition._meta.get_field("file").storage
    documents = []
    for story_id, title, summary, body, url_path, published_at, neighbourhood, place, image in stories:
        documents.append(
            StoryDocument(
                id=story_id,
                title=title,
                summary=summary,
                body=body_block.stored_plain_text(body or []),
                url=site_path(url_path),
                published_at=published_at,
                neighbourhood=neighbourhood,
                topics=[topic for topic, *_ in topics[story_id]],
                tags=[slug for slug, _ in tags[story_id]],
                reporters=[reporter for reporter, _ in reporters[story_id]],
                image_url=storage.url(images[image]) if image in images else "",
                names=[
                    place or "",
                    *(f"{fa} {en}" for _, fa, en in topics[story_id]),
                    *(name for _, name in tags[story_id]),
                    *(name for _, name in reporters[story_id]),
                ],
            )
        )
    return documents


def build_documents(story_ids: Iterable[int]) -> list[StoryDocument]:
    """Documents for those of ``story_ids`` that are still live and public; the rest are skipped."""
    return _documents({"in": list(story_ids)})


def _unchanged(document: StoryDocument) -> StoryDocument:
    return document


@dataclass(frozen=True, slots=True)
class Batch(Generic[Encoded]):
    """Documents of consecutive stories, each as ``encode`` made it, and the last story's id."""

    last_id: int
    documents: list[Encoded]


def _build_batch(bounds: tuple[int, int], encode: Callable[[StoryDocument], Encoded]) -> Batch[Encoded]:
    first, last = bounds
    return Batch(last_id=last, documents=[encode(document) for document in _documents({"gte": first, "lte": last})])


def _id_ranges(after_id: int, batch_size: int) -> Iterator[tuple[int, int]]:
    """First and last id of each run of ``batch_size`` searchable stories: queries by id range are
    cheaper to build and to run than lists of ids."""
    ids = list(searchable_stories().filter(pk__gt=after_id).order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        yield ids[start], ids[min(start + batch_size, len(ids)) - 1]


def iter_documents(
    *,
    after_id: int = 0,
    batch_size: int = BATCH_SIZE,
    workers: int | None = None,
    encode: Callable[[StoryDocument], Encoded] = _unchanged,
) -> Iterator[Batch[Encoded]]:
    """Every searchable story in id order, a batch at a time, starting after ``after_id`` (for resuming).

    Building documents (plain text, normalisation) and encoding them for the backend (``encode``) are
    the slow part of a rebuild, so with more than one CPU batches are built in worker processes, and
    still yielded in id order. ``encode`` must be a module-level function, for pickling.
    """
    ranges = list(_id_ranges(after_id, batch_size))
    build = functools.partial(_build_batch, encode=encode)
    workers = workers or settings.SEARCH_INDEX_WORKERS or min(os.cpu_count() or 1, MAX_WORKERS)
    if workers == 1:
        yield from map(build, ranges)
        return
    # A forked worker must open its own database connection, never use the one it inherits: none may
    # be open when the pool forks (at its first task), so the ids are read above, before closing.
    connections.close_all()
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        yield from pool.map(build, ranges, chunksize=1)
