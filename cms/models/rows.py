"""Model instances from the rows of SQL written once (sql.py), made as a queryset makes them.

``Model.objects.raw`` works out again at every query which column is which field and how each value
converts from the database: for the story page's small reads, that took longer than the database
took to answer. ``Columns`` works it out once, and one row can hold several models' columns (a story
with its neighbourhood and its lead photo, in one query).
"""

from django.db import connection
from wagtail.models import Page


class Columns:
    """Columns of ``model`` as a query selects them: every field, or its primary key and ``fields``.
    ``alias`` names the model's own table in the query and, for a page type, ``page_alias`` names
    wagtailcore_page, where the fields every page has are."""

    def __init__(self, model, fields: tuple[str, ...] = (), *, alias: str, page_alias: str = ""):
        self.model = model
        wanted = {model._meta.get_field(name).attname for name in fields}
        wanted |= {model._meta.pk.attname} | ({Page._meta.pk.attname} if page_alias else set())
        # In the model's own order: Model.from_db takes the values of the fields it is given so.
        self.fields = [field for field in model._meta.concrete_fields if not fields or field.attname in wanted]
        self.attnames = frozenset(field.attname for field in self.fields)
        self.columns = [(page_alias if field.model is Page else alias, field) for field in self.fields]
        self.sql = ", ".join(f"{table_alias}.{field.column}" for table_alias, field in self.columns)
        self.pk_index = self.fields.index(model._meta.pk)
        self._converters = {}

    def converters(self) -> list[tuple[int, object, list]]:
        """What the database's values go through, as Django's compiler would apply it, for the
        columns that need any (SQLite's dates, for one; with PostgreSQL, hardly any)."""
        found = self._converters.get(connection.alias)
        if found is None:
            found = self._converters[connection.alias] = []
            for index, (table_alias, field) in enumerate(self.columns):
                column = field.get_col(table_alias)
                converters = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
                if converters:
                    found.append((index, column, converters))
        return found

    def instance(self, values: list):
        """The instance these values make, or None when a LEFT JOIN found no row."""
        if values[self.pk_index] is None:
            return None
        for index, column, converters in self.converters():
            value = values[index]
            for converter in converters:
                value = converter(value, column, connection)
            values[index] = value
        return self.model.from_db(connection.alias, self.attnames, values)


def read_rows(sql: str, params: list, *parts: Columns) -> list[tuple]:
    """Each row of ``sql`` as one instance per part, in order, then the row's further columns as
    they are."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    read = []
    for row in rows:
        items, start = [], 0
        for part in parts:
            end = start + len(part.fields)
            items.append(part.instance(list(row[start:end])))
            start = end
        read.append((*items, *row[start:]))
    return read
