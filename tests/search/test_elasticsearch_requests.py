"""What the Elasticsearch backend sends, checked without a server: the mapping, the Persian analysis
chain, and the query bodies of searches, suggestions and related stories."""

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from elasticsearch_dsl import Search

from search.backends import RelatedQuery, SearchQuery
from search.backends.elasticsearch import (
    ElasticsearchBackend,
    StoryIndexDocument,
    index_template,
    related_request,
    search_request,
    suggest_request,
)
from search.documents import StoryDocument


@pytest.fixture
def index_body(settings):
    settings.ELASTICSEARCH_REPLICAS = 1
    return index_template("mahalleh-stories-v1").to_dict()


def test_analysis_chain_is_built_on_elasticsearch_persian_filters(index_body):
    analysis = index_body["settings"]["analysis"]
    persian = analysis["analyzer"]["persian_text"]
    assert persian["tokenizer"] == "standard"
    assert persian["char_filter"] == ["zero_width_spaces"]
    assert persian["filter"] == [
        "lowercase",
        "decimal_digit",
        "arabic_normalization",
        "persian_normalization",
        "persian_stop",
        "persian_stemmer",
    ]
    assert analysis["char_filter"]["zero_width_spaces"] == {"type": "mapping", "mappings": ["\\u200C=>\\u0020"]}
    assert analysis["filter"]["persian_stop"] == {"type": "stop", "stopwords": "_persian_"}
    # Lucene's PersianStemFilter, reached through the stemmer filter since Elasticsearch 8.11.
    assert analysis["filter"]["persian_stemmer"] == {"type": "stemmer", "language": "persian"}
    assert index_body["settings"]["number_of_replicas"] == 1


def test_suggestions_fold_like_the_text_but_keep_stop_words(index_body):
    analysis = index_body["settings"]["analysis"]
    prefix = analysis["analyzer"]["persian_prefix"]
    assert prefix["char_filter"] == ["zero_width_spaces"]
    assert prefix["filter"] == ["lowercase", "decimal_digit", "arabic_normalization", "persian_normalization"]
    assert index_body["mappings"]["properties"]["title_suggest"]["analyzer"] == "persian_prefix"


class ServerInfo:
    """The one call the version check makes, answered as a server of ``number`` would."""

    def __init__(self, number: str):
        self.number = number

    def info(self):
        return {"version": {"number": self.number}}


@pytest.mark.parametrize("number", ["7.17.25", "8.10.4"])
def test_a_server_without_the_persian_stemmer_is_refused_with_the_version_needed(settings, number):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    backend = ElasticsearchBackend()
    backend.client = ServerInfo(number)
    with pytest.raises(ImproperlyConfigured, match=rf"Elasticsearch {number} .* 8\.11 or newer"):
        backend._create_version()


def test_mapping_indexes_normalised_copies_and_only_stores_display_text(index_body):
    fields = index_body["mappings"]["properties"]
    for name in ("title_terms", "text_terms", "context_terms", "compound_terms"):
        assert fields[name] == {"type": "text", "analyzer": "persian_text"}
    for name in ("title", "summary", "body"):
        assert fields[name] == {"type": "text", "index": False}
    assert fields["title_suggest"]["type"] == "search_as_you_type"
    assert fields["neighbourhood"]["type"] == "integer" and fields["topics"]["type"] == "integer"
    assert fields["tags"]["type"] == "keyword" and fields["published"]["type"] == "date"


def test_document_carries_the_same_normalised_text_as_the_embedded_index():
    story = StoryDocument(
        id=7,
        title="مي‌روم به كتابخانه",
        summary="ساعت ۱۰",
        body="",
        url="/a/",
        published_at=timezone.now(),
        neighbourhood=3,
        topics=[1, 2],
        tags=["کتاب"],
        reporters=[5],
    )
    body = StoryIndexDocument.from_story(story).to_dict(include_meta=True)
    assert body["_id"] == 7
    assert body["_source"]["title"] == "مي‌روم به كتابخانه"
    assert body["_source"]["title_terms"] == "میروم به کتابخانه"
    assert body["_source"]["text_terms"] == "ساعت 10"
    assert body["_source"]["topics"] == [1, 2]


def test_search_body_has_every_spelling_filters_facets_and_the_page():
    query = SearchQuery(
        text="کمال شهر",
        neighbourhoods=(3,),
        topics=(1, 2),
        tag="کتاب",
        reporter=5,
        published_from=datetime.date(2025, 3, 21),
        offset=20,
        limit=20,
    )
    body = search_request(Search(), query).to_dict()
    main = body["query"]["bool"]["must"][0]["bool"]
    first, joined = main["should"]
    assert [c["multi_match"]["query"] for c in first["bool"]["must"]] == ["کمال", "شهر"]
    assert joined["bool"]["must"][0]["bool"]["must"][0]["multi_match"]["query"] == "کمالشهر"
    assert joined["bool"]["boost"] == 2.0
    assert first["bool"]["must"][0]["multi_match"]["zero_terms_query"] == "all"
    filters = body["query"]["bool"]["filter"]
    assert {"terms": {"neighbourhood": [3]}} in filters and {"terms": {"topics": [1, 2]}} in filters
    assert {"term": {"tags": "کتاب"}} in filters and {"term": {"reporters": 5}} in filters
    assert filters[-1]["range"]["published"]["gte"].startswith("2025-03-21T00:00:00+03:30")
    assert body["aggs"] == {
        "neighbourhood": {"terms": {"field": "neighbourhood", "size": 200}},
        "topics": {"terms": {"field": "topics", "size": 200}},
    }
    assert body["from"] == 20 and body["size"] == 20
    assert "sort" not in body and body["track_total_hits"] is True


def test_empty_query_and_newest_sort_list_by_date():
    body = search_request(Search(), SearchQuery(sort="relevance")).to_dict()
    assert body["query"]["bool"]["must"] == [{"match_all": {}}]
    assert body["sort"] == [{"published": {"order": "desc"}}, "_doc"]


def test_query_syntax_never_reaches_a_query_parser():
    body = str(search_request(Search(), SearchQuery(text='title:x OR "1=1')).to_dict())
    assert "query_string" not in body and "simple_query_string" not in body


def test_suggest_body_completes_the_title_prefix():
    body = suggest_request(Search(), "کتابخو", limit=8).to_dict()
    assert body["query"]["multi_match"]["type"] == "bool_prefix"
    assert body["query"]["multi_match"]["fields"][0] == "title_suggest"
    assert body["size"] == 8


def test_related_body_needs_a_shared_place_or_topic_and_excludes_the_story():
    query = RelatedQuery(story_id=9, words=["اب", "گوهردشت"], neighbourhood=3, topics=(1,), limit=4)
    body = related_request(Search(), query).to_dict()
    bool_query = body["query"]["bool"]
    assert bool_query["must_not"] == [{"ids": {"values": ["9"]}}]
    place = bool_query["filter"][0]["bool"]["should"]
    assert {"terms": {"topics": [1]}} in place and {"term": {"neighbourhood": 3}} in place
    assert body["size"] == 4 and body["_source"] is False


def test_related_body_looks_for_the_first_words_only():
    words = [f"واژه{number}" for number in range(30)]
    query = RelatedQuery(story_id=9, words=words, neighbourhood=3, topics=(1,), most_words=5)
    similar = related_request(Search(), query).to_dict()["query"]["bool"]["must"][0]["bool"]["should"]
    assert len(similar) == 5
    assert words[0] in str(similar[0]) and words[5] not in str(similar)
