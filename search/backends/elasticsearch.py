"""The Elasticsearch backend (production, when ELASTICSEARCH_URL is set), through elasticsearch-dsl.

Versioned index names behind two aliases: readers use ``<prefix>-stories``, the queue writes to
``<prefix>-stories-write``; `search_index rebuild` fills a new version and moves both aliases in one
atomic call, so searches never see a half-built index. Writes always go through the bulk helper.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from elasticsearch.helpers import bulk, scan
from elasticsearch_dsl import (
    Date,
    Document,
    Index,
    Integer,
    Keyword,
    Q,
    Search,
    SearchAsYouType,
    Text,
    analyzer,
    char_filter,
    connections,
    token_filter,
)

from ..documents import StoryDocument
from .base import DISPLAY_FIELDS, FACETS, Hit, RelatedQuery, SearchBackend, SearchQuery, SearchResults

CONNECTION = "mahalleh"
TEXT_FIELDS = ["title_terms^3", "text_terms", "context_terms", "compound_terms^1.5"]
BULK_CHUNK = 500
JOINED_BOOST = 2.0

# Elasticsearch's own Persian chain (its `persian` analyzer rebuilt as a custom one, plus a stemmer),
# fed text already normalised by search/normalise.py so that both backends agree on every spelling;
# the chain still folds whatever reaches it unnormalised. All built in, no plugin; the stemmer
# filter's "persian" language (Lucene's PersianStemFilter) needs Elasticsearch 8.11 or newer.
MINIMUM_VERSION = (8, 11)
zero_width_spaces = char_filter("zero_width_spaces", type="mapping", mappings=["\\u200C=>\\u0020"])
persian_stop = token_filter("persian_stop", type="stop", stopwords="_persian_")
# Not named "persian_stem": that is also the name of a built-in filter, which this must not shadow.
persian_stemmer = token_filter("persian_stemmer", type="stemmer", language="persian")
# Built-in filters: case, every script's digits to 0-9, Arabic and then Persian letter forms.
FOLDING = ["lowercase", "decimal_digit", "arabic_normalization", "persian_normalization"]
persian_text = analyzer(
    "persian_text",
    tokenizer="standard",
    char_filter=[zero_width_spaces],
    filter=[*FOLDING, persian_stop, persian_stemmer],
)
# Suggestions keep stop words: «خانه در» is a prefix a reader types on the way to a title.
persian_prefix = analyzer("persian_prefix", tokenizer="standard", char_filter=[zero_width_spaces], filter=FOLDING)


class StoryIndexDocument(Document):
    title = Text(index=False)
    summary = Text(index=False)
    body = Text(index=False)
    title_terms = Text(analyzer=persian_text)
    title_suggest = SearchAsYouType(analyzer=persian_prefix)
    text_terms = Text(analyzer=persian_text)
    context_terms = Text(analyzer=persian_text)
    compound_terms = Text(analyzer=persian_text)
    neighbourhood = Integer()
    topics = Integer(multi=True)
    tags = Keyword(multi=True)
    reporters = Integer(multi=True)
    published = Date(default_timezone="UTC")
    language = Keyword()
    url = Keyword(index=False)
    image_url = Keyword(index=False)

    @classmethod
    def from_story(cls, document: StoryDocument) -> "StoryIndexDocument":
        return cls(
            meta={"id": document.id},
            title=document.title,
            summary=document.summary,
            body=document.body,
            title_terms=document.title_terms,
            title_suggest=document.title_terms,
            text_terms=document.text_terms,
            context_terms=document.context_terms,
            compound_terms=document.compound_terms,
            neighbourhood=document.neighbourhood,
            topics=document.topics,
            tags=document.tags,
            reporters=document.reporters,
            published=document.published_at,
            language=document.language,
            url=document.url,
            image_url=document.image_url,
        )


def index_template(name: str) -> Index:
    index = Index(name, using=CONNECTION)
    index.settings(number_of_shards=1, number_of_replicas=int(settings.ELASTICSEARCH_REPLICAS))
    index.document(StoryIndexDocument)
    return index


def word_clause(word: str) -> Q:
    return Q("multi_match", query=word, fields=TEXT_FIELDS, zero_terms_query="all")


def text_clause(spellings: list[list[str]]) -> Q:
    alternatives = [Q("bool", must=[word_clause(word) for word in words]) for words in spellings]
    # A compound written as one word is a stronger match than its parts scattered apart.
    boosted = [alternatives[0], *(Q("bool", must=[query], boost=JOINED_BOOST) for query in alternatives[1:])]
    return Q("bool", should=boosted, minimum_should_match=1)


def _day(day: datetime.date, *, end: bool) -> str:
    moment = datetime.datetime.combine(day, datetime.time.max if end else datetime.time.min)
    return timezone.make_aware(moment).isoformat()


def filter_clauses(query: SearchQuery) -> list[Q]:
    clauses = []
    if query.neighbourhoods:
        clauses.append(Q("terms", neighbourhood=list(query.neighbourhoods)))
    if query.topics:
        clauses.append(Q("terms", topics=list(query.topics)))
    if query.tag:
        clauses.append(Q("term", tags=query.tag))
    if query.reporter is not None:
        clauses.append(Q("term", reporters=query.reporter))
    bounds = {}
    if query.published_from:
        bounds["gte"] = _day(query.published_from, end=False)
    if query.published_to:
        bounds["lte"] = _day(query.published_to, end=True)
    if bounds:
        clauses.append(Q("range", published=bounds))
    return clauses


def search_request(search: Search, query: SearchQuery) -> Search:
    main = text_clause(query.spellings) if query.words else Q("match_all")
    search = search.query(Q("bool", must=[main], filter=filter_clauses(query)))
    search = search.source(DISPLAY_FIELDS).extra(track_total_hits=True)
    if not query.by_relevance:
        search = search.sort({"published": {"order": "desc"}}, "_doc")
    for name in FACETS:
        search.aggs.bucket(name, "terms", field=name, size=200)
    return search[query.offset : query.offset + query.limit]


def suggest_request(search: Search, text: str, *, limit: int) -> Search:
    fields = ["title_suggest", "title_suggest._2gram", "title_suggest._3gram"]
    search = search.query(Q("multi_match", query=text, type="bool_prefix", fields=fields))
    return search.source(DISPLAY_FIELDS)[:limit]


def related_request(search: Search, query: RelatedQuery) -> Search:
    place = [Q("terms", topics=list(query.topics))]
    if query.neighbourhood is not None:
        place.append(Q("term", neighbourhood=query.neighbourhood))
    # Elasticsearch weighs each word by its rarity itself: the first words will do.
    similar = Q("bool", should=[word_clause(word) for word in query.words[: query.most_words]], minimum_should_match=1)
    search = search.query(
        Q("bool", must=[similar], filter=[Q("bool", should=place, minimum_should_match=1)])
        & ~Q("ids", values=[str(query.story_id)])
    )
    return search.source(False)[: query.limit]


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self):
        self.client = connections.create_connection(
            alias=CONNECTION, hosts=[settings.ELASTICSEARCH_URL], request_timeout=settings.ELASTICSEARCH_TIMEOUT
        )
        self.read_alias = f"{settings.ELASTICSEARCH_INDEX_PREFIX}-stories"
        self.write_alias = f"{self.read_alias}-write"
        self._ready = False

    def _search(self) -> Search:
        return Search(using=CONNECTION, index=self.read_alias)

    def _ensure_index(self) -> None:
        """Create the first version and its aliases if there is none yet (checked once per process)."""
        if self._ready:
            return
        if not self.client.indices.exists_alias(name=self.read_alias):
            name = self._create_version()
            self.client.indices.update_aliases(
                actions=[{"add": {"index": name, "alias": alias}} for alias in (self.read_alias, self.write_alias)]
            )
        self._ready = True

    def _check_version(self) -> None:
        number = self.client.info()["version"]["number"]
        if tuple(int(part) for part in number.split(".")[:2]) < MINIMUM_VERSION:
            raise ImproperlyConfigured(
                f"Elasticsearch {number} at ELASTICSEARCH_URL has no Persian stemmer: "
                f"version {'.'.join(map(str, MINIMUM_VERSION))} or newer is needed."
            )

    def _create_version(self) -> str:
        self._check_version()
        name = f"{self.read_alias}-{timezone.now():%Y%m%d%H%M%S%f}"
        index_template(name).create()
        return name

    @staticmethod
    def _hits(response) -> list[Hit]:
        return [
            Hit(id=int(hit.meta.id), **{name: hit[name] for name in DISPLAY_FIELDS if name in hit}) for hit in response
        ]

    def search(self, query: SearchQuery) -> SearchResults:
        self._ensure_index()
        response = search_request(self._search(), query).execute()
        facets = {
            name: {int(bucket.key): bucket.doc_count for bucket in response.aggregations[name].buckets}
            for name in FACETS
        }
        return SearchResults(hits=self._hits(response), total=response.hits.total.value, facets=facets)

    def suggest(self, text: str, *, limit: int) -> list[Hit]:
        self._ensure_index()
        return self._hits(suggest_request(self._search(), text, limit=limit).execute())

    def related(self, query: RelatedQuery) -> list[int]:
        if not query.words:
            return []
        self._ensure_index()
        return [int(hit.meta.id) for hit in related_request(self._search(), query).execute()]

    def _bulk(self, actions, *, index: str) -> None:
        bulk(self.client, actions, index=index, chunk_size=BULK_CHUNK, refresh="wait_for", raise_on_error=True)

    @staticmethod
    def encode(document: StoryDocument) -> dict:
        """A bulk action indexing the document."""
        return StoryIndexDocument.from_story(document).to_dict(include_meta=True)

    def index(self, documents: list[StoryDocument]) -> None:
        if documents:
            self._ensure_index()
            self._bulk(map(self.encode, documents), index=self.write_alias)

    def delete(self, story_ids: list[int]) -> None:
        if story_ids:
            self._ensure_index()
            actions = ({"_op_type": "delete", "_id": story_id} for story_id in story_ids)
            bulk(self.client, actions, index=self.write_alias, raise_on_error=False, refresh="wait_for")

    def indexed_ids(self) -> set[int]:
        self._ensure_index()
        hits = scan(self.client, index=self.read_alias, query={"query": {"match_all": {}}, "_source": False})
        return {int(hit["_id"]) for hit in hits}

    def describe(self) -> dict[str, object]:
        self._ensure_index()
        stats = self.client.indices.stats(index=self.read_alias)["_all"]["primaries"]
        location = ",".join(self.client.indices.get_alias(name=self.read_alias))
        return {
            "backend": self.name,
            "location": location,
            "documents": stats["docs"]["count"],
            "bytes": stats["store"]["size_in_bytes"],
        }

    def rebuild(self, batches, *, resume: bool, progress) -> None:
        current = (
            set(self.client.indices.get_alias(name=self.read_alias))
            if self.client.indices.exists_alias(name=self.read_alias)
            else set()
        )
        unfinished = sorted(
            name
            for name, mapping in self.client.indices.get_mapping(index=f"{self.read_alias}-*").items()
            if name not in current and "rebuild_last_id" in mapping["mappings"].get("_meta", {})
        )
        name = unfinished[-1] if resume and unfinished else self._create_version()
        meta = self.client.indices.get_mapping(index=name)[name]["mappings"].get("_meta", {})
        after_id = int(meta.get("rebuild_last_id", 0)) if resume else 0
        for batch in batches(after_id, self.encode):
            bulk(self.client, batch.documents, index=name, chunk_size=BULK_CHUNK, raise_on_error=True)
            self.client.indices.put_mapping(index=name, meta={"rebuild_last_id": batch.last_id})
            progress(len(batch.documents))
        self.client.indices.put_mapping(index=name, meta={})
        self.client.indices.refresh(index=name)
        actions = [
            {"remove": {"index": old, "alias": alias}}
            for old in current
            for alias in (self.read_alias, self.write_alias)
        ]
        actions += [{"add": {"index": name, "alias": alias}} for alias in (self.read_alias, self.write_alias)]
        self.client.indices.update_aliases(actions=actions)
        for old in current:
            self.client.indices.delete(index=old)
