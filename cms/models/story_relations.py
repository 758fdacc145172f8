"""A story's topics, byline, tags and corrections, read for its page with SQL written once (sql.py).

``prefetch_related`` cost a story page about a millisecond per relation, mostly Django building the
query. The rows go to modelcluster, which keeps them in memory as it keeps a draft's relations:
``story.topics.all()`` and the rest then read the list. A story whose relations are already in
memory (a preview of a draft) is left as it is.
"""

from functools import cache

from .sql import column, table


def _many_to_many_sql(story_model, relation: str) -> str:
    field = story_model._meta.get_field(relation)
    related, through = field.related_model, field.remote_field.through
    return (
        f"SELECT item.* FROM {table(related)} item JOIN {table(through)} link"
        f" ON link.{column(through, field.m2m_reverse_field_name())} = item.{related._meta.pk.column}"
        f" WHERE link.{column(through, field.m2m_field_name())} = %s"
    )


@cache
def _queries(story_model) -> dict[str, tuple[type, str]]:
    """The model and SQL of each relation modelcluster keeps, with the story's primary key as the one
    parameter. Tags are kept as the story's tagged items, read here as their tags."""
    tagged = story_model._meta.get_field("tags").remote_field.through
    tag_model = tagged.tag_model()
    corrections = story_model._meta.get_field("corrections").related_model
    return {
        "topics": (story_model._meta.get_field("topics").related_model, _many_to_many_sql(story_model, "topics")),
        "reporters": (
            story_model._meta.get_field("reporters").related_model,
            _many_to_many_sql(story_model, "reporters"),
        ),
        _tagged_items(story_model): (
            tag_model,
            f"SELECT tag.* FROM {table(tag_model)} tag JOIN {table(tagged)} item"
            f" ON item.{column(tagged, 'tag')} = tag.{tag_model._meta.pk.column}"
            f" WHERE item.{column(tagged, 'content_object')} = %s ORDER BY tag.{column(tag_model, 'name')}",
        ),
        "corrections": (
            corrections,
            f"SELECT * FROM {table(corrections)} WHERE {column(corrections, 'article')} = %s",
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
    for relation, (model, sql) in _queries(type(story)).items():
        if relation in in_memory:
            continue
        rows = list(model.objects.raw(sql, [story.pk]))
        if relation == tagged_items:
            rows = [story._meta.get_field("tags").remote_field.through(tag=tag) for tag in rows]
        setattr(story, relation, rows)
