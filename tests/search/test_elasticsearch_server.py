"""What the Elasticsearch server does with the index the backend creates: it accepts the Persian
chain and folds, stems and drops words as the backend relies on. Runs only when ELASTICSEARCH_URL
points at a server (8.11 or newer); the request bodies are checked without one elsewhere."""

import os

import pytest

from search.backends import get_backend

from .conftest import BACKENDS

pytestmark = pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="ELASTICSEARCH_URL is not set")


@pytest.fixture
def analyse(settings):
    settings.SEARCH_BACKEND = BACKENDS["elasticsearch"]
    backend = get_backend()
    backend._ensure_index()

    def tokens(text: str, analyzer: str = "persian_text") -> list[str]:
        answer = backend.client.indices.analyze(index=backend.read_alias, analyzer=analyzer, text=text)
        return [token["token"] for token in answer["tokens"]]

    return tokens


def test_arabic_and_persian_letters_and_digits_give_the_same_terms(analyse):
    assert analyse("كتابخانه ۱۴۰۴") == analyse("کتابخانه 1404") == analyse("كتابخانه ١٤٠٤")


def test_the_stemmer_removes_plural_suffixes(analyse):
    assert analyse("دوستان") == analyse("دوست")


def test_half_space_separates_words_and_stop_words_are_dropped(analyse):
    assert analyse("و") == []
    assert len(analyse("کتاب\u200cخانه")) == 2


def test_suggestions_keep_stop_words(analyse):
    assert analyse("خانه در", analyzer="persian_prefix")[-1:] == analyse("در", analyzer="persian_prefix")
