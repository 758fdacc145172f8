"""The one interface every search backend implements, and the plain values that cross it."""

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from ..documents import Batch, StoryDocument
from ..normalise import query_terms, spellings

# Enough for any real query; longer input is cut, so that no query can run away.
MAX_QUERY_TERMS = 8
# The words of a story that a related-stories query looks for, at most.
RELATED_WORDS = 12
FACETS = ("neighbourhood", "topics")


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    neighbourhoods: tuple[int, ...] = ()
    topics: tuple[int, ...] = ()
    tag: str = ""
    reporter: int | None = None
    published_from: date | None = None
    published_to: date | None = None
    sort: Literal["relevance", "newest"] = "relevance"
    offset: int = 0
    limit: int = 20

    @property
    def words(self) -> list[str]:
        return query_terms(self.text, limit=MAX_QUERY_TERMS)

    @property
    def spellings(self) -> list[list[str]]:
        return spellings(self.words) if self.words else []

    @property
    def by_relevance(self) -> bool:
        return self.sort == "relevance" and bool(self.words)


@dataclass(frozen=True)
class RelatedQuery:
    story_id: int
    words: list[str]  # the story's words in order; a backend looks for ``most_words`` of them at most
    neighbourhood: int | None
    topics: tuple[int, ...]
    limit: int = 4
    most_words: int = RELATED_WORDS


# The text of a hit as written, which every backend stores (but does not index) for highlighting.
DISPLAY_FIELDS = ["title", "summary", "body"]


@dataclass(frozen=True)
class Hit:
    """A found story with its display text as written, for highlighting; pages come from the database."""

    id: int
    title: str
    summary: str = ""
    body: str = ""


@dataclass
class SearchResults:
    hits: list[Hit]
    total: int
    facets: dict[str, dict[int, int]] = field(default_factory=dict)


Progress = Callable[[int], None]
Batches = Callable[[int, Callable[[StoryDocument], object]], Iterable[Batch]]


class SearchBackend(ABC):
    """Indexing and querying of live stories. Writes are bulk; reads never touch the database."""

    name: str

    @abstractmethod
    def search(self, query: SearchQuery) -> SearchResults: ...

    @abstractmethod
    def suggest(self, text: str, *, limit: int) -> list[Hit]:
        """Titles whose words start with what the reader has typed so far."""

    @abstractmethod
    def related(self, query: RelatedQuery) -> list[int]: ...

    @staticmethod
    @abstractmethod
    def encode(document: StoryDocument) -> object:
        """The document as this backend writes it. A rebuild runs it in the worker processes that build
        documents, so it must be a plain function of the document."""

    @abstractmethod
    def index(self, documents: list[StoryDocument]) -> None: ...

    @abstractmethod
    def delete(self, story_ids: list[int]) -> None: ...

    @abstractmethod
    def indexed_ids(self) -> set[int]: ...

    @abstractmethod
    def rebuild(self, batches: Batches, *, resume: bool, progress: Progress):
        """Index everything into a new versioned index and switch readers to it when complete.

        ``batches(after_id, encode)`` yields batches of documents made by ``encode`` (this backend's),
        in id order after ``after_id``; with ``resume`` an unfinished rebuild carries on from the last
        id it stored.
        """

    @abstractmethod
    def describe(self) -> dict[str, object]:
        """What `search_index status` prints: where the index lives, its version and size."""
