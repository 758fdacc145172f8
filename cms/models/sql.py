"""SQL written once, from the models' own table and column names, for the reads every story page
makes: the story with its neighbourhood, its relations (story_relations.py) and the headlines of
related stories.

Django builds and compiles a query's SQL anew each time it runs, and for these reads that cost
several times what the database takes to answer them. Rows come back through ``Model.objects.raw``,
which makes the same model instances a queryset would (fields not selected are deferred).
"""

from functools import cache

from wagtail.models import Page

from .visibility import Unrestricted

PAGE = "page"  # the alias of wagtailcore_page in every query here
SPECIFIC = "specific"  # the alias of a page type's own table


def table(model) -> str:
    return model._meta.db_table


def column(model, field_name: str) -> str:
    return model._meta.get_field(field_name).column


def placeholders(values) -> str:
    return ", ".join(["%s"] * len(values))


@cache
def page_select(model, fields: tuple[str, ...] = (), extra: str = "") -> str:
    """SELECT ... FROM a page type joined to wagtailcore_page: every column, or the primary key and
    ``fields`` (names of the model's fields, its own or inherited from Page), then any ``extra``
    columns ("expression AS name", read as attributes of the same name)."""
    ptr = model._meta.pk.column
    if fields:
        names = [f"{PAGE}.{Page._meta.pk.column}", f"{SPECIFIC}.{ptr}"]
        for name in fields:
            field = model._meta.get_field(name)
            names.append(f"{PAGE if field.model is Page else SPECIFIC}.{field.column}")
        selected = ", ".join(names)
    else:
        selected = f"{PAGE}.*, {SPECIFIC}.*"
    if extra:
        selected += f", {extra}"
    return (
        f"SELECT {selected} FROM {table(Page)} {PAGE}"
        f" JOIN {table(model)} {SPECIFIC} ON {SPECIFIC}.{ptr} = {PAGE}.{Page._meta.pk.column}"
    )


def unrestricted_sql() -> str:
    """Whether no view restriction is on the aliased page or an ancestor (``Unrestricted``)."""
    return Unrestricted.template % {"expressions": f"{PAGE}.path"}


def published_sql() -> str:
    """``publicly_visible()`` on the page alias: live, and no view restriction on its path."""
    return f"{PAGE}.{column(Page, 'live')} = %s AND {unrestricted_sql()}"
