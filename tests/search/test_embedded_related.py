"""Related stories in the embedded index look for the words that tell a story apart, not for the
words most stories share (search/backends/embedded.py, telling_words)."""

import pytest
from tantivy import Occur, Query

from search.backends import RelatedQuery, embedded, get_backend

from .builders import index_now, story

pytestmark = pytest.mark.django_db


@pytest.fixture
def half_the_stories_is_common(monkeypatch, backend_name):
    """The rule of a large index on a small one: a word in more than half the stories is common."""
    if backend_name != "embedded":
        pytest.skip("Elasticsearch weighs words by their rarity itself")
    monkeypatch.setattr(embedded, "COMMON_WORD_SHARE", 0.5)
    monkeypatch.setattr(embedded, "ALWAYS_TELLING", 0)


def test_a_word_most_stories_have_does_not_make_them_related(places, half_the_stories_is_common):
    source = story(places, title="گزارش کتابخانه محله")
    library = story(places, title="گزارش تازه از کتابخانه")
    only_the_common_word = [story(places, title=f"گزارش شماره {number}") for number in range(4)]
    index_now()
    query = RelatedQuery(
        story_id=source.pk,
        words=["گزارش", "کتابخانه"],
        neighbourhood=places["gohardasht"].pk,
        topics=(places["economy"].pk,),
    )
    related = get_backend().related(query)
    assert related == [library.pk]
    assert not set(related) & {other.pk for other in only_the_common_word}


def test_words_scored_as_one_flat_disjunction_score_as_one_disjunction_per_word(places, backend_name):
    if backend_name != "embedded":
        pytest.skip("the embedded index's own query")
    for title in ("نانوایی محله", "نانوایی و کتابخانه محله", "کتابخانه تازه", "صف نانوایی در کتابخانه"):
        story(places, title=title, summary=title)
    index_now()
    words = ["نانوایی", "کتابخانه", "محله"]
    flat = Query.boolean_query([clause for word in words for clause in embedded.word_clauses(word)])
    per_word = Query.boolean_query([(Occur.Should, embedded.word_query(word)) for word in words])
    searcher = get_backend()._searcher()
    scores = [
        [(round(score, 4), address.doc) for score, address in searcher.search(query, limit=10).hits]
        for query in (flat, per_word)
    ]
    assert scores[0] == scores[1]
    assert len(scores[0]) == 4


def test_the_place_of_related_stories_scores_as_term_sets_do(places, backend_name):
    """place_query's constant-score term queries find and rank the stories that term sets would."""
    if backend_name != "embedded":
        pytest.skip("the embedded index's own query")
    for number, (where, topic) in enumerate(
        (("gohardasht", "economy"), ("gohardasht", "other_topic"), ("fardis", "economy"))
    ):
        story(places, where=where, topic=topic, title=f"نانوایی محله {number}", summary="صف نانوایی")
    story(places, where="fardis", topic="other_topic", title="نانوایی فردیس", summary="صف نانوایی")
    index_now()
    topics, neighbourhood = [places["economy"].pk], places["gohardasht"].pk
    term_sets = Query.boolean_query(
        [
            (Occur.Should, Query.term_set_query(embedded.SCHEMA, "topics", topics)),
            (Occur.Should, Query.term_set_query(embedded.SCHEMA, "neighbourhood", [neighbourhood])),
        ]
    )
    words = embedded.word_query("نانوایی")
    searcher = get_backend()._searcher()
    scores = [
        [
            (round(score, 4), address.doc)
            for score, address in searcher.search(
                Query.boolean_query([(Occur.Must, words), (Occur.Must, place)]), limit=10
            ).hits
        ]
        for place in (embedded.place_query(topics, neighbourhood), term_sets)
    ]
    assert scores[0] == scores[1]
    assert len(scores[0]) == 3  # not the story in another neighbourhood on another topic
    assert len({score for score, _ in scores[0]}) == 2  # in the neighbourhood and on the topic counts twice
