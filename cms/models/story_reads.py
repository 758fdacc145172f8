"""The story page's own reads of stories, with SQL written once (sql.py): the story a URL names,
with its neighbourhood and lead photo, and the headlines of stories found by id (related stories,
search results)."""

from functools import cache

from wagtail.models import Page

from .article import CARD_FIELDS, ArticlePage
from .images import Photo
from .neighbourhood import NeighbourhoodPage
from .sql import PAGE, SPECIFIC, column, page_select, placeholders, published_sql, table, unrestricted_sql


@cache
def _story_at_sql() -> str:
    story = page_select(ArticlePage, extra=f"{unrestricted_sql()} AS unrestricted_path")
    neighbourhood = f"{SPECIFIC}.{column(ArticlePage, 'neighbourhood')}"
    return (
        f"{story} JOIN {table(Page)} place ON place.{Page._meta.pk.column} = {neighbourhood}"
        f" WHERE substr({PAGE}.path, 1, %s) = %s AND {PAGE}.depth = %s AND {PAGE}.slug = %s AND place.slug = %s"
    )


def _by_id(model, ids, fields: tuple[str, ...] = ()) -> dict[int, object]:
    sql = f"{page_select(model, fields)} WHERE {PAGE}.{Page._meta.pk.column} IN ({placeholders(ids)})"
    return {row.pk: row for row in model.objects.raw(sql, list(ids))}


def story_at(home, neighbourhood_slug: str, story_slug: str) -> ArticlePage | None:
    """The story two levels below ``home`` at these slugs, its ``neighbourhood`` and ``lead_image``
    read with it, and whether any page on its path is restricted (``unrestricted_path``, read by
    ViewRestrictionsByPath); whether it is live is for routing to decide, as for any page."""
    params = [len(home.path), home.path, home.depth + 2, story_slug, neighbourhood_slug]
    story = next(iter(ArticlePage.objects.raw(_story_at_sql(), params)), None)
    if story is None:
        return None
    story.neighbourhood = _by_id(NeighbourhoodPage, [story.neighbourhood_id])[story.neighbourhood_id]
    if story.lead_image_id:
        sql = f"SELECT * FROM {table(Photo)} WHERE {Photo._meta.pk.column} = %s"
        story.lead_image = next(iter(Photo.objects.raw(sql, [story.lead_image_id])), None)
    return story


def _card_fields(prefix: str = "") -> tuple[str, ...]:
    """CARD_FIELDS of the story itself, or (with a prefix such as "neighbourhood__") of a relation."""
    return tuple(
        name.removeprefix(prefix)
        for name in CARD_FIELDS
        if name.startswith(prefix) and "__" not in name.removeprefix(prefix)
    )


def published_headlines(ids: list[int]) -> dict[int, ArticlePage]:
    """The live, public stories among ``ids`` by id, with what a story card shows without its photo."""
    if not ids:
        return {}
    sql = (
        f"{page_select(ArticlePage, _card_fields())}"
        f" WHERE {PAGE}.{Page._meta.pk.column} IN ({placeholders(ids)}) AND {published_sql()}"
    )
    stories = {story.pk: story for story in ArticlePage.objects.raw(sql, [*ids, True])}
    places = {story.neighbourhood_id for story in stories.values()} - {None}
    neighbourhoods = _by_id(NeighbourhoodPage, places, _card_fields("neighbourhood__")) if places else {}
    for story in stories.values():
        story.neighbourhood = neighbourhoods.get(story.neighbourhood_id)
    return stories
