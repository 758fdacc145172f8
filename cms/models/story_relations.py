"""A story's topics, byline, tags and corrections, read for its page with SQL written once.

Django's ``prefetch_related`` builds and compiles a query for each relation on every request, which
cost a story page about a millisecond each, many times what the database takes to answer them. These
raw queries are written once from the models' own table and column names and hand the rows to
modelcluster, which keeps them in memory as it keeps a draft's relations: ``story.topics.all()`` and
the rest then read the list. A story whose relations are already in memory (a preview of a draft)
is left as it is.
"""

from functools import cache


def _table(model) -> str:
    return model._meta.db_table


def _column(model, field_name: str) -> str:
    return model._meta.get_field(field_name).column


def _many_to_many_sql(story_model, relation: str) -> str:
    field = story_model._meta.get_field(relation)
    related, through = field.related_model, field.remote_field.through
    return (
        f"SELECT item.* FROM {_table(related)} item JOIN {_table(through)} link"
        f" ON link.{_column(through, field.m2m_reverse_field_name())} = item.{related._meta.pk.column}"
        f" WHERE link.{_column(through, field.m2m_field_name())} = %s"
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
            f"SELECT tag.* FROM {_table(tag_model)} tag JOIN {_table(tagged)} item"
            f" ON item.{_column(tagged, 'tag')} = tag.{tag_model._meta.pk.column}"
            f" WHERE item.{_column(tagged, 'content_object')} = %s ORDER BY tag.{_column(tag_model, 'name')}",
        ),
        "corrections": (
            corrections,
            f"SELECT * FROM {_table(corrections)} WHERE {_column(corrections, 'article')} = %s",
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
