"""Which cached pages show a story, before and after a change: its page, its listings, the home page."""

import dataclasses
from datetime import datetime

from django.db.models import Q

from cms.models import ArticlePage, ArticleTag, HomePage, NeighbourhoodPage, Reporter, Tag, Topic
from cms.models.home import FEATURED_COUNT, LATEST_COUNT, STRIP_COUNT

from . import store
from .urls_of import cached_pages_from, feed_urls, home_urls, in_every_language, listing_pages, page_urls

# A listing of stories and how to find its stories and its object. Each kind names its feeds in
# PAGE_CACHE_FEEDS by the same word.
LISTINGS = {
    "neighbourhood": (NeighbourhoodPage, lambda stories, pk: stories.in_neighbourhood(pk)),
    "topic": (Topic, lambda stories, pk: stories.with_topic(pk)),
    "tag": (Tag, lambda stories, pk: stories.with_tag(pk)),
    "reporter": (Reporter, lambda stories, pk: stories.by_reporter(pk)),
}


@dataclasses.dataclass(frozen=True)
class StoryState:
    """What readers can see of a story at one moment: enough to name every page that shows it."""

    pk: int
    live: bool
    url_path: str
    first_published_at: datetime | None
    card: tuple  # what a story card in a listing shows
    neighbourhood_id: int | None
    topic_ids: frozenset[int]
    tag_ids: frozenset[int]
    reporter_ids: frozenset[int]

    @classmethod
    def read(cls, pk: int) -> "StoryState | None":
        row = (
            ArticlePage.objects.filter(pk=pk)
            .values(
                "live",
                "url_path",
                "first_published_at",
                "title",
                "summary",
                "lead_image_id",
                "lead_image_alt",
                "neighbourhood_id",
            )
            .first()
        )
        if row is None:
            return None
        return cls(
            pk=pk,
            live=row["live"],
            url_path=row["url_path"],
            first_published_at=row["first_published_at"],
            card=(row["title"], row["summary"], row["lead_image_id"], row["lead_image_alt"]),
            neighbourhood_id=row["neighbourhood_id"],
            topic_ids=frozenset(
                ArticlePage.topics.through.objects.filter(articlepage_id=pk).values_list("topic_id", flat=True)
            ),
            tag_ids=frozenset(ArticleTag.objects.filter(content_object_id=pk).values_list("tag_id", flat=True)),
            reporter_ids=frozenset(
                ArticlePage.reporters.through.objects.filter(articlepage_id=pk).values_list("reporter_id", flat=True)
            ),
        )

    def listings(self) -> set[tuple[str, int]]:
        if not self.live:
            return set()
        found = {("topic", pk) for pk in self.topic_ids}
        found |= {("tag", pk) for pk in self.tag_ids} | {("reporter", pk) for pk in self.reporter_ids}
        if self.neighbourhood_id:
            found.add(("neighbourhood", self.neighbourhood_id))
        return found

    def newer_stories(self):
        """Published stories listed above this one (lists run newest first, then by id)."""
        published_at = self.first_published_at
        newer = Q(first_published_at__gt=published_at) | Q(first_published_at=published_at, pk__gt=self.pk)
        return ArticlePage.objects.published().exclude(pk=self.pk).filter(newer)

    def page_in(self, kind: str, pk: int, per_page: int) -> int:
        _model, narrow = LISTINGS[kind]
        return narrow(self.newer_stories(), pk).count() // per_page + 1

    def on_home_page(self) -> bool:
        """Whether the home page lists this story (mirrors HomePage.get_context)."""
        if not self.live:
            return False
        home = HomePage.objects.first()
        if home is None:
            return False
        live = ArticlePage.objects.published()
        chosen = set(
            live.filter(
                pk__in=[home.lead_story_id, *home.featured_stories.values_list("story_id", flat=True)]
            ).values_list("pk", flat=True)
        )
        if self.pk in chosen:
            return True
        featured_chosen = len(chosen - {home.lead_story_id})
        slots_for_newest = (0 if home.lead_story_id in chosen else 1) + max(0, FEATURED_COUNT - featured_chosen)
        newer = self.newer_stories()
        if newer.exclude(pk__in=chosen).count() < slots_for_newest + LATEST_COUNT:
            return True
        return bool(self.neighbourhood_id) and newer.in_neighbourhood(self.neighbourhood_id).count() < STRIP_COUNT


def story_change_urls(before: StoryState | None, after: StoryState | None, *, per_page: int) -> set[str]:
    """Every cached URL whose content differs between the two states of a story, and no other."""
    seen_before = before is not None and before.live
    seen_after = after is not None and after.live
    if not (seen_before or seen_after):
        return set()
    urls = feed_urls("site")
    for state in (before, after):
        if state is not None and state.live:
            urls |= page_urls(state.url_path)
    stayed_live = seen_before and seen_after
    card_changed = not stayed_live or before.card != after.card or before.url_path != after.url_path
    if card_changed:
        urls |= store.pages_showing((after or before).pk)
    listed_before = before.listings() if seen_before else set()
    listed_after = after.listings() if seen_after else set()
    for kind, pk in listed_before | listed_after:
        in_both = (kind, pk) in listed_before and (kind, pk) in listed_after
        if in_both and not card_changed:
            continue
        state = after if (kind, pk) in listed_after else before
        first = state.page_in(kind, pk, per_page)
        # An edit changes the one page the story is on; joining or leaving a list shifts every
        # page after it.
        numbers = [first] if in_both else cached_pages_from(first)
        urls |= listing_urls(kind, pk, numbers)
    if card_changed or listed_before != listed_after:
        shown = (seen_before and before.on_home_page()) or (seen_after and after.on_home_page())
        if shown:
            urls |= home_urls()
    return urls


def listing_urls(kind: str, pk: int, numbers) -> set[str]:
    model, _narrow = LISTINGS[kind]
    thing = model.objects.filter(pk=pk).first()
    return listing_urls_of(kind, thing, numbers) if thing else set()


def listing_urls_of(kind: str, thing, numbers) -> set[str]:
    """The given pages of a listing, and its feeds when its first page is among them (feeds show
    the newest stories, as its first page does)."""
    urls = in_every_language(thing.get_url)
    pages = listing_pages(urls, numbers)
    return pages | feed_urls(kind, urls, slug=thing.slug) if 1 in numbers else pages


def all_listing_urls(kind: str, thing) -> set[str]:
    return listing_urls_of(kind, thing, cached_pages_from(1))
