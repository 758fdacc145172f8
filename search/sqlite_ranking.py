"""Wagtail's SQLite search backend, with relevance worked out in one full-text pass.

Wagtail orders results by relevance with a correlated subquery that runs the full-text match again
for every matching page, so the time grows with the square of the matches: at 100,000 stories an
editor's one-word search took a minute. Here the pages matching the search are found as Wagtail
finds them, their scores come from one more pass, and only the page asked for is ordered in SQL.
The order is Wagtail's own: score (bm25, lower is better), then newest id first.
"""

from django.db.models import Case, IntegerField, Value, When
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.search.models import SQLiteFTSIndexEntry


class RankedOnceMixin:
    def search(self, config, start, stop, score_field=None):
        query = normalize(self.query)
        if stop is None or score_field or not self.order_by_relevance or isinstance(query, MatchAll | Not):
            # Counts and facets need no order; the rest is Wagtail's own path.
            return super().search(config, start, stop, score_field)
        self.order_by_relevance = False
        try:
            matches = super().search(config, None, None)
        finally:
            self.order_by_relevance = True
        scores = self._scores(query, config)
        ranked = sorted(matches.values_list("pk", flat=True), key=lambda pk: (scores.get(str(pk), 0.0), -pk))
        page = ranked[start:stop]
        position = Case(*(When(pk=pk, then=Value(n)) for n, pk in enumerate(page)), output_field=IntegerField())
        return self.queryset.filter(pk__in=page).order_by(position)

    def _scores(self, query, config) -> dict[str, float]:
        """The score of every matching index entry, by object id, from one full-text pass."""
        match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config))
        entries = SQLiteFTSIndexEntry.objects.filter(
            match, index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model)
        )
        score = self._build_rank_expression(self.get_search_vectors(), config)
        return dict(entries.annotate(score=score).values_list("index_entry__object_id", "score"))


class RankedSearchQueryCompiler(RankedOnceMixin, SQLiteSearchQueryCompiler):
    pass


class RankedAutocompleteQueryCompiler(RankedOnceMixin, SQLiteAutocompleteQueryCompiler):
    pass


class RankedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = RankedSearchQueryCompiler
    autocomplete_query_compiler_class = RankedAutocompleteQueryCompiler
