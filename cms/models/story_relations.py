"""A story's topics, byline, tags and corrections, read for its page as JSON arrays: in the same query
as the story itself (story_reads.py), or in one query of their own for a story found another way.

``prefetch_related`` cost a story page about a millisecond per relation, mostly Django building the
query, and a query per relation cost about 0.1 ms more of the app server's CPU each. The rows go to
modelcluster, which keeps them in memory as it keeps a draft's relations: ``story.topics.all()`` and
the rest then read the list. A story whose relations are already in memory (a preview of a draft) is
left as it is.
"""

import datetime
import json
from functools import cache

from django.db import connection, models
from django.utils import timezone

from .rows import Columns
from .sql import column, table


class Relation:
    """One relation modelcluster keeps: its rows' columns, and the FROM and WHERE (with ``{story}``
    for the story's primary key) that find them, in ``order`` when given."""

    def __init__(self, name: str, columns: Columns, rows_sql: str, order: str = ""):
        self.name, self.columns, self.rows_sql, self.order = name, columns, rows_sql, order

    def json_sql(self, story: str) -> str:
        """A subquery of the rows as one JSON array of arrays, in the order of ``columns.fields``."""
        where = self.rows_sql.format(story=story)
        if connection.vendor == "postgresql":
            order = f" ORDER BY {self.order}" if self.order else ""
            return f"(SELECT COALESCE(json_agg(json_build_array({self.columns.sql}){order})::text, '[]') FROM {where})"
        # SQLite before 3.44 orders no aggregate's input, but takes a sorted subquery's rows in order.
        values = [f"{alias}.{field.column}" for alias, field in self.columns.columns]
        named = ", ".join(f"{value} AS c{index}" for index, value in enumerate(values))
        inner = f"SELECT {named} FROM {where}" + (f" ORDER BY {self.order}" if self.order else "")
        listed = ", ".join(f"c{index}" for index in range(len(values)))
        return f"(SELECT json_group_array(json_array({listed})) FROM ({inner}))"

    def instances(self, text: str) -> list:
        """The model instances of the JSON text ``json_sql`` read, as a queryset would make them."""
        fields, make = self.columns.fields, self.columns.model.from_db
        return [
            make(
                connection.alias,
                self.columns.attnames,
                [_field_value(f, value) for f, value in zip(fields, row, strict=True)],
            )
            for row in json.loads(text)
        ]


def _field_value(field, value):
    """A JSON value as the field holds it; a date from its ISO text, which SQLite writes without a
    zone (in UTC)."""
    if value is None:
        return None
    value = field.to_python(value)
    if isinstance(field, models.DateTimeField) and timezone.is_naive(value):
        return value.replace(tzinfo=datetime.UTC)
    return value


def _many_to_many(story_model, name: str) -> Relation:
    field = story_model._meta.get_field(name)
    related, through = field.related_model, field.remote_field.through
    return Relation(
        name,
        Columns(related, alias="item"),
        f"{table(related)} item JOIN {table(through)} link"
        f" ON link.{column(through, field.m2m_reverse_field_name())} = item.{related._meta.pk.column}"
        f" WHERE link.{column(through, field.m2m_field_name())} = {{story}}",
    )


def _tagged_items(story_model) -> str:
    tagged = story_model._meta.get_field("tags").remote_field.through
    return tagged._meta.get_field("content_object").remote_field.get_accessor_name()


@cache
def relations(story_model) -> tuple[Relation, ...]:
    """The relations modelcluster keeps. Tags are kept as the story's tagged items, read here as
    their tags, by name."""
    tagged = story_model._meta.get_field("tags").remote_field.through
    tag_model = tagged.tag_model()
    corrections = story_model._meta.get_field("corrections").related_model
    return (
        _many_to_many(story_model, "topics"),
        _many_to_many(story_model, "reporters"),
        Relation(
            _tagged_items(story_model),
            Columns(tag_model, alias="tag"),
            f"{table(tag_model)} tag JOIN {table(tagged)} item"
            f" ON item.{column(tagged, 'tag')} = tag.{tag_model._meta.pk.column}"
            f" WHERE item.{column(tagged, 'content_object')} = {{story}}",
            order=f"tag.{column(tag_model, 'name')}",
        ),
        Relation(
            "corrections",
            Columns(corrections, alias="correction"),
            f"{table(corrections)} correction WHERE correction.{column(corrections, 'article')} = {{story}}",
        ),
    )


def relations_sql(story_model, story: str) -> str:
    """The JSON subqueries of every relation, as columns of a SELECT, for the story whose primary key
    is the SQL expression ``story``."""
    return ", ".join(relation.json_sql(story) for relation in relations(story_model))


def keep_relations(story, texts) -> None:
    """Gives the story the rows of each relation from the JSON texts of ``relations_sql``, unless it
    holds that relation in memory already. modelcluster orders each list by its model's ordering, as
    Django's managers would; tags, which have none, come by name."""
    in_memory = getattr(story, "_cluster_related_objects", {})
    through = story._meta.get_field("tags").remote_field.through
    tagged_items = _tagged_items(type(story))
    for relation, text in zip(relations(type(story)), texts, strict=True):
        if relation.name in in_memory:
            continue
        rows = relation.instances(text)
        if relation.name == tagged_items:
            rows = [through(tag=tag) for tag in rows]
        setattr(story, relation.name, rows)


def load_relations(story) -> None:
    """Reads the story's relations that are not in memory, in one query."""
    in_memory = getattr(story, "_cluster_related_objects", {})
    kept = relations(type(story))
    if all(relation.name in in_memory for relation in kept):
        return
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {relations_sql(type(story), '%s')}", [story.pk] * len(kept))
        keep_relations(story, cursor.fetchone())
