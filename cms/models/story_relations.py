"""A story's topics, byline, tags and corrections, read for its page with SQL written once (sql.py)
and rows read as model instances (rows.py).

``prefetch_related`` cost a story page about a millisecond per relation, mostly Django building the
query. The rows go to modelcluster, which keeps them in memory as it keeps a draft's relations:
``story.topics.all()`` and the rest then read the list. A story whose relations are already in
memory (a preview of a draft) is left as it is.
"""

from functools import cache

from .rows import Columns, read_rows
from .sql import column, table


def _many_to_many(story_model, relation: str) -> tuple[Columns, str]:
    field = story_model._meta.get_field(relation)
    related, through = field.related_model, field.remote_field.through
    item = Columns(related, alias="item")
    return item, (
        f"SELECT {item.sql} FROM {table(related)} item JOIN {table(through)} link"
        f" ON link.{column(through, field.m2m_reverse_field_name())} = item.{related._meta.pk.column}"
        f" WHERE link.{column(through, field.m2m_field_name())} = %s"
    )


@cache
def _queries(story_model) -> dict[str, tuple[Columns, str]]:
    """The columns and SQL of each relation modelcluster keeps, with the story's primary key as the
    one parameter. Tags are kept as the story's tagged items, read here as their tags."""
    tagged = story_model._meta.get_field("tags").remote_field.through
    tag_model = tagged.tag_model()
    tag = Columns(tag_model, alias="tag")
    corrections = story_model._meta.get_field("corrections").related_model
    correction = Columns(corrections, alias="correction")
    return {
        "topics": _many_to_many(story_model, "topics"),
        "reporters": _many_to_many(story_model, "reporters"),
        _tagged_items(story_model): (
            tag,
            f"SELECT {tag.sql} FROM {table(tag_model)} tag JOIN {table(tagged)} item"
            f" ON item.{column(tagged, 'tag')} = tag.{tag_model._meta.pk.column}"
            f" WHERE item.{column(tagged, 'content_object')} = %s ORDER BY tag.{column(tag_model, 'name')}",
        ),
        "corrections": (
            correction,
            f"SELECT {correction.sql} FROM {table(corrections)} correction"
            f" WHERE correction.{column(corrections, 'article')} = %s",
        ),
    }


def _tagged_items(story_model) -> str:
    tagged = story_model._meta.get_field("tags").remote_field.through
    return tagged._meta.get_field("content_object").remote_field.get_accessor_name()


def load_relations(story) -> None:
    """Reads the story's topics, reporters, tags and corrections into memory, unless they are there
    already. modelcluster orders each list by its model's ordering, as Django's managers would; tags,
    which have none, come by name."""
    in_memory = getattr(story, "_cluster_related_objects", {})
    tagged_items = _tagged_items(type(story))
    for relation, (columns, sql) in _queries(type(story)).items():
        if relation in in_memory:
            continue
        rows = [item for (item,) in read_rows(sql, [story.pk], columns)]
        if relation == tagged_items:
            rows = [story._meta.get_field("tags").remote_field.through(tag=tag) for tag in rows]
        setattr(story, relation, rows)
