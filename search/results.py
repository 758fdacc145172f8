"""From checked search parameters to a page of results that views render: stories from the
database (never trusted from the index alone), highlights, facet counts with names, page numbers."""

import math
from dataclasses import dataclass, field

from django.utils.safestring import SafeString

from cms.models import ArticlePage
from cms.models.story_reads import published_headlines
from cms.navigation import site_navigation

from .backends import RelatedQuery, SearchQuery, get_backend
from .forms import PER_PAGE
from .highlight import highlight, snippet
from .normalise import COMMON_WORDS, query_terms

RELATED_COUNT = 4
SUGGESTION_COUNT = 8


@dataclass
class Result:
    story: ArticlePage
    title: SafeString
    snippet: SafeString


@dataclass
class FacetValue:
    slug: str
    name: str
    count: int
    selected: bool


@dataclass
class ResultsPage:
    results: list[Result]
    total: int
    number: int
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.total / PER_PAGE))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def is_past_the_end(self) -> bool:
        return self.number > self.num_pages


def search_query(cleaned: dict) -> SearchQuery:
    reporter = cleaned.get("reporter")
    return SearchQuery(
        text=cleaned.get("q") or "",
        neighbourhoods=tuple(n.pk for n in cleaned.get("neighbourhood") or ()),
        topics=tuple(t.pk for t in cleaned.get("topic") or ()),
        tag=cleaned.get("tag") or "",
        reporter=reporter.pk if reporter else None,
        published_from=cleaned.get("published_from"),
        published_to=cleaned.get("published_to"),
        sort=cleaned.get("sort") or "relevance",
        offset=(cleaned.get("page", 1) - 1) * PER_PAGE,
        limit=PER_PAGE,
    )


def stories_in_order(ids: list[int]) -> list[ArticlePage]:
    """The live stories among ``ids``, in that order, as headlines (search shows no photos); a story
    the index still has but the site no longer shows is dropped here rather than shown."""
    by_id = published_headlines(ids)
    return [by_id[story_id] for story_id in ids if story_id in by_id]


def _facet_values(counts: dict[int, int], links, selected: tuple[int, ...]) -> list[FacetValue]:
    return [
        FacetValue(slug=link.slug, name=link.title, count=counts.get(link.pk, 0), selected=link.pk in selected)
        for link in links
        if counts.get(link.pk) or link.pk in selected
    ]


def run_search(cleaned: dict) -> ResultsPage:
    query = search_query(cleaned)
    found = get_backend().search(query)
    words = {word for spelling in query.spellings for word in spelling}
    stories = {story.pk: story for story in stories_in_order([hit.id for hit in found.hits])}
    results = [
        Result(
            story=stories[hit.id],
            title=highlight(hit.title, words),
            snippet=snippet(f"{hit.summary}\n{hit.body}".strip(), words),
        )
        for hit in found.hits
        if hit.id in stories
    ]
    facets = _named_facets(found.facets, query)
    return ResultsPage(results=results, total=found.total, number=cleaned.get("page", 1), facets=facets)


def _named_facets(counts: dict[str, dict[int, int]], query: SearchQuery) -> dict[str, list[FacetValue]]:
    """Counts named from the site's navigation: the public neighbourhoods and the topics, in the
    order readers see them in the header and footer, with no query of their own."""
    links = site_navigation()
    return {
        "neighbourhood": _facet_values(counts.get("neighbourhood", {}), links.neighbourhoods, query.neighbourhoods),
        "topic": _facet_values(counts.get("topics", {}), links.topics, query.topics),
    }


def facet_counts(*, neighbourhoods=(), topics=()) -> dict[str, list[FacetValue]]:
    """Live stories per neighbourhood and per topic within the given ones, for listings' filters."""
    query = SearchQuery(neighbourhoods=tuple(n.pk for n in neighbourhoods), topics=tuple(t.pk for t in topics), limit=1)
    return _named_facets(get_backend().search(query).facets, query)


def related_stories(story: ArticlePage, *, limit: int = RELATED_COUNT) -> list[ArticlePage]:
    """Stories from the same neighbourhood or on the same topics, with similar words."""
    words = [word for word in query_terms(f"{story.title} {story.summary}", limit=100) if word not in COMMON_WORDS]
    query = RelatedQuery(
        story_id=story.pk,
        words=words,
        neighbourhood=story.neighbourhood_id,
        topics=tuple(topic.pk for topic in story.topics.all()),
        limit=limit,
    )
    # Headlines only: a story page already leads with its own photo, and readers on slow
    # connections should not pay for four more.
    return stories_in_order(get_backend().related(query))


def suggestions(text: str) -> list[tuple[ArticlePage, SafeString]]:
    hits = get_backend().suggest(text, limit=SUGGESTION_COUNT)
    words = set(query_terms(text, limit=8))
    stories = {story.pk: story for story in stories_in_order([hit.id for hit in hits])}
    return [(stories[hit.id], highlight(hit.title, words)) for hit in hits if hit.id in stories]
