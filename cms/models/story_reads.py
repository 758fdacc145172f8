"""The story page's own reads of stories, with SQL written once (sql.py) and rows read as model
instances (rows.py): the story a URL names, with its neighbourhood, lead photo and relations, and
the headlines of stories found by id (related stories, search results), with their neighbourhoods."""

from functools import cache

from django.db import connection
from wagtail.models import Page

from .article import CARD_FIELDS, ArticlePage
from .images import Photo
from .neighbourhood import NeighbourhoodPage
from .rows import Columns, read_rows
from .sql import PAGE, SPECIFIC, column, page_from, page_join, placeholders, published_sql, table, unrestricted_sql
from .story_relations import keep_relations, relations_sql

PLACE, PLACE_PAGE = "place", "place_page"  # the aliases of the story's neighbourhood


def _neighbourhood_join(join: str = "JOIN") -> str:
    foreign_key = f"{SPECIFIC}.{column(ArticlePage, 'neighbourhood')}"
    return page_join(NeighbourhoodPage, foreign_key, alias=PLACE, page_alias=PLACE_PAGE, join=join)


@cache
def _story_at(vendor: str) -> tuple[str, tuple[Columns, ...]]:
    parts = (
        Columns(ArticlePage, alias=SPECIFIC, page_alias=PAGE),
        Columns(NeighbourhoodPage, alias=PLACE, page_alias=PLACE_PAGE),
        Columns(Photo, alias="photo"),
    )
    lead_image = f"{SPECIFIC}.{column(ArticlePage, 'lead_image')}"
    sql = (
        f"SELECT {', '.join(part.sql for part in parts)}, {unrestricted_sql()},"
        f" {relations_sql(ArticlePage, f'{SPECIFIC}.{ArticlePage._meta.pk.column}')}"
        f" FROM {page_from(ArticlePage)}{_neighbourhood_join()}"
        f" LEFT JOIN {table(Photo)} photo ON photo.{Photo._meta.pk.column} = {lead_image}"
        f" WHERE substr({PAGE}.path, 1, %s) = %s AND {PAGE}.depth = %s AND {PAGE}.slug = %s"
        f" AND {PLACE_PAGE}.slug = %s"
    )
    return sql, parts


def story_at(home, neighbourhood_slug: str, story_slug: str) -> ArticlePage | None:
    """The story two levels below ``home`` at these slugs, in one query with its ``neighbourhood``,
    its ``lead_image``, its relations (story_relations.py) and whether any page on its path is
    restricted (``unrestricted_path``, read by ViewRestrictionsByPath); whether it is live is for
    routing to decide, as for any page."""
    sql, parts = _story_at(connection.vendor)
    params = [len(home.path), home.path, home.depth + 2, story_slug, neighbourhood_slug]
    rows = read_rows(sql, params, *parts)
    if not rows:
        return None
    story, story.neighbourhood, story.lead_image, story.unrestricted_path, *relations = rows[0]
    keep_relations(story, relations)
    return story


def _card_fields(prefix: str = "") -> tuple[str, ...]:
    """CARD_FIELDS of the story itself, or (with a prefix such as "neighbourhood__") of a relation."""
    return tuple(
        name.removeprefix(prefix)
        for name in CARD_FIELDS
        if name.startswith(prefix) and "__" not in name.removeprefix(prefix)
    )


@cache
def _headlines() -> tuple[str, tuple[Columns, ...]]:
    parts = (
        Columns(ArticlePage, _card_fields(), alias=SPECIFIC, page_alias=PAGE),
        Columns(NeighbourhoodPage, _card_fields("neighbourhood__"), alias=PLACE, page_alias=PLACE_PAGE),
    )
    sql = (
        f"SELECT {', '.join(part.sql for part in parts)}"
        f" FROM {page_from(ArticlePage)}{_neighbourhood_join('LEFT JOIN')} WHERE {published_sql()}"
    )
    return sql, parts


def published_headlines(ids: list[int]) -> dict[int, ArticlePage]:
    """The live, public stories among ``ids`` by id, with what a story card shows without its photo."""
    if not ids:
        return {}
    sql, parts = _headlines()
    rows = read_rows(f"{sql} AND {PAGE}.{Page._meta.pk.column} IN ({placeholders(ids)})", [True, *ids], *parts)
    stories = {}
    for story, neighbourhood in rows:
        story.neighbourhood = neighbourhood
        stories[story.pk] = story
    return stories
