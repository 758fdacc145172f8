"""Related stories in the embedded index look for the words that tell a story apart, not for the
words most stories share (search/backends/embedded.py, telling_words)."""

import pytest

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
