"""SQL written once, from the models' own table and column names, for the reads every story page
makes: the story with its neighbourhood, its relations (story_relations.py) and the headlines of
related stories.

Django builds and compiles a query's SQL anew each time it runs, and for these reads that cost
several times what the database takes to answer them. Rows become the same model instances a
queryset would make (rows.py; fields not selected are deferred).
"""

from wagtail.models import Page

from .visibility import Unrestricted

PAGE = "page"  # the alias of the story's (or other page's) row in wagtailcore_page
SPECIFIC = "specific"  # the alias of its row in its page type's own table


def table(model) -> str:
    return model._meta.db_table


def column(model, field_name: str) -> str:
    return model._meta.get_field(field_name).column


def placeholders(values) -> str:
    return ", ".join(["%s"] * len(values))


def page_from(model) -> str:
    """FROM a page type's own table (SPECIFIC) joined to wagtailcore_page (PAGE)."""
    return (
        f"{table(Page)} {PAGE} JOIN {table(model)} {SPECIFIC}"
        f" ON {SPECIFIC}.{model._meta.pk.column} = {PAGE}.{Page._meta.pk.column}"
    )


def page_join(model, foreign_key: str, *, alias: str, page_alias: str, join: str = "JOIN") -> str:
    """Another page, of type ``model``, that the column ``foreign_key`` points to: its rows in
    wagtailcore_page and in its own table under these aliases (LEFT JOINed if ``join`` says so)."""
    page_pk = f"{page_alias}.{Page._meta.pk.column}"
    return (
        f" {join} {table(Page)} {page_alias} ON {page_pk} = {foreign_key}"
        f" {join} {table(model)} {alias} ON {alias}.{model._meta.pk.column} = {page_pk}"
    )


def unrestricted_sql() -> str:
    """Whether no view restriction is on the aliased page or an ancestor (``Unrestricted``)."""
    return Unrestricted.template % {"expressions": f"{PAGE}.path"}


def published_sql() -> str:
    """``publicly_visible()`` on the page alias: live, and no view restriction on its path."""
    return f"{PAGE}.{column(Page, 'live')} = %s AND {unrestricted_sql()}"
