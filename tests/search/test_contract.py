"""The contract every search backend keeps: the same stories found, filtered, counted and ordered."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from search.backends import RelatedQuery, SearchQuery, get_backend

from .builders import index_now, story

pytestmark = pytest.mark.django_db


def found(**query) -> list[int]:
    return [hit.id for hit in get_backend().search(SearchQuery(**query)).hits]


@pytest.fixture
def market(places, backend_name):
    """A story written with Arabic letters, half-spaces and Arabic-Indic digits, as copy often arrives."""
    written = story(
        places,
        title="بازارچه مشاغل خانگي در گوهردشت باز مي‌شود",
        summary="ده غرفه براي زنان سرپرست خانوار از ١٤٠٤ فعال است.",
        tags=["مشاغل خانگی"],
    )
    index_now()
    return written


@pytest.mark.parametrize(
    "query",
    ["خانگی", "خانگي", "می‌شود", "می شود", "میشود", "مي‌شود", "۱۴۰۴", "1404", "١٤٠٤", "بازارچهٔ", "بازارچه‌ها", "خانِگی"],
)
def test_story_is_found_whichever_spelling_reader_and_writer_used(market, query):
    assert found(text=query) == [market.pk]


def test_words_and_names_of_the_neighbourhood_and_reporter_find_the_story(market):
    assert found(text="زهرا احمدی") == [market.pk]
    assert found(text="اقتصاد محلی") == [market.pk]


def test_compound_written_with_a_space_finds_the_half_space_spelling(places, backend_name):
    written = story(places, title="جشن کتاب در کمال‌شهر")
    index_now()
    assert found(text="کمال شهر") == [written.pk]
    assert found(text="کمالشهر") == [written.pk]


def test_every_word_of_the_query_must_match(market):
    assert found(text="بازارچه فوتبال") == []


@pytest.mark.parametrize("query", ['"بازارچه', "بازارچه*", "(بازارچه))", "+بازارچه -", "بازارچه^"])
def test_quotes_and_operators_are_read_as_plain_words(market, query):
    assert found(text=query) == [market.pk]


@pytest.mark.parametrize("query", ["title:بازارچه OR 1=1", "'; DROP TABLE cms_articlepage; --", '{"match_all": {}}'])
def test_query_syntax_of_sql_or_lucene_finds_nothing_special(market, query):
    assert found(text=query) == []


@pytest.mark.parametrize("query", ["*", "?!،؛", "(((", '"', "..."])
def test_a_query_of_only_punctuation_lists_the_newest_like_an_empty_one(market, query):
    assert found(text=query) == [market.pk]


def test_only_live_public_stories_are_ever_found(places, backend_name):
    live = story(places, title="کتابخانه محله باز شد")
    draft = story(places, title="کتابخانه دوم محله", with_revision=False)
    draft.live = False
    draft.save()
    unpublished = story(places, title="کتابخانه سوم محله")
    private = story(places, title="کتابخانه چهارم محله")
    deleted = story(places, title="کتابخانه پنجم محله")
    unpublished.unpublish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    deleted.delete()
    index_now()

    results = get_backend().search(SearchQuery(text="کتابخانه"))
    assert [hit.id for hit in results.hits] == [live.pk]
    assert results.total == 1
    assert results.facets["neighbourhood"] == {places["gohardasht"].pk: 1}
    assert [hit.id for hit in get_backend().suggest("کتابخ", limit=8)] == [live.pk]
    related = RelatedQuery(story_id=live.pk, words=["کتابخانه"], neighbourhood=places["gohardasht"].pk, topics=())
    assert get_backend().related(related) == []


def test_scheduled_story_is_not_found_before_it_goes_live(places, backend_name):
    scheduled = story(places, title="نمایشگاه گل در فردیس", with_revision=False)
    scheduled.live = False
    scheduled.save()
    scheduled.save_revision(approved_go_live_at=timezone.now() + datetime.timedelta(days=1))
    index_now()
    assert found(text="نمایشگاه") == []


def test_filters_narrow_by_neighbourhood_topic_tag_reporter_and_date(places, backend_name):
    old = story(places, title="جلسه شورایاری", published_at=timezone.now() - datetime.timedelta(days=40), tags=["شورا"])
    fardis = story(places, where="fardis", reporter="reza", title="جلسه شورایاری فردیس")
    other = story(places, topic="other_topic", title="جلسه انجمن اولیا")
    index_now()
    assert set(found(text="جلسه", neighbourhoods=(places["fardis"].pk,))) == {fardis.pk}
    assert set(found(text="جلسه", topics=(places["other_topic"].pk,))) == {other.pk}
    assert found(text="جلسه", tag=old.tags.first().slug) == [old.pk]
    assert set(found(text="جلسه", reporter=places["reza"].pk)) == {fardis.pk}
    since = (timezone.now() - datetime.timedelta(days=10)).date()
    assert set(found(text="جلسه", published_from=since)) == {fardis.pk, other.pk}
    assert found(text="جلسه", published_to=since) == [old.pk]


def test_facets_count_neighbourhoods_and_topics_of_the_result_set(places, backend_name):
    story(places, title="پارک محله نوسازی شد")
    story(places, title="پارک دوم نوسازی شد", topic="other_topic")
    story(places, where="fardis", reporter="reza", title="پارک فردیس نوسازی شد")
    story(places, where="fardis", reporter="reza", title="مدرسه فردیس")
    index_now()
    facets = get_backend().search(SearchQuery(text="پارک")).facets
    assert facets["neighbourhood"] == {places["gohardasht"].pk: 2, places["fardis"].pk: 1}
    assert facets["topics"] == {places["economy"].pk: 2, places["other_topic"].pk: 1}


def test_newest_first_and_an_empty_query_lists_the_newest(places, backend_name):
    now = timezone.now()
    older = story(places, title="آب محله قطع شد", published_at=now - datetime.timedelta(days=2))
    newer = story(places, title="آب محله وصل شد", published_at=now - datetime.timedelta(hours=1))
    index_now()
    assert found(text="آب", sort="newest") == [newer.pk, older.pk]
    assert found() == [newer.pk, older.pk]
    assert found(neighbourhoods=(places["fardis"].pk,)) == []


def test_pages_do_not_overlap(places, backend_name):
    ids = {story(places, title=f"خبر شماره {n}", with_revision=True).pk for n in range(5)}
    index_now()
    first, second = found(text="خبر", limit=3), found(text="خبر", limit=3, offset=3)
    assert len(first) == 3 and len(second) == 2
    assert set(first) | set(second) == ids
    assert get_backend().search(SearchQuery(text="خبر", limit=3)).total == 5


def test_suggestions_complete_the_last_word_typed(places, backend_name):
    wanted = story(places, title="کتابخوانی کودکان در گوهردشت")
    story(places, title="کلاس ورزش کودکان")
    index_now()
    assert [hit.id for hit in get_backend().suggest("کتابخو", limit=8)] == [wanted.pk]
    assert [hit.id for hit in get_backend().suggest("كتابخواني كود", limit=8)] == [wanted.pk]


def test_related_stories_share_a_place_or_topic_and_words(places, backend_name):
    source = story(places, title="کمبود آب در گوهردشت")
    same_place = story(places, title="قطعی آب گوهردشت ادامه دارد", topic="other_topic")
    same_topic = story(places, where="fardis", reporter="reza", title="آب فردیس")
    unrelated_place = story(places, where="fardis", reporter="reza", topic="other_topic", title="آب فردیس قطع شد")
    index_now()
    query = RelatedQuery(
        story_id=source.pk,
        words=["کمبود", "اب", "گوهردشت"],
        neighbourhood=places["gohardasht"].pk,
        topics=(places["economy"].pk,),
    )
    related = get_backend().related(query)
    assert set(related) == {same_place.pk, same_topic.pk}
    assert unrelated_place.pk not in related and source.pk not in related


def test_every_kind_of_body_block_is_found_and_read_as_plain_text(places, backend_name):
    written = story(
        places,
        title="گزارش بازارچه",
        body=[
            ("paragraph", "<p>غرفه‌ها &amp; <b>صنایع</b> دستی</p><p>سفال</p>"),
            ("quote", {"text": "فروش خوب بود", "attribution": "مریم"}),
            ("facts", {"title": "در یک نگاه", "items": ["بیست غرفه"]}),
            ("list", {"ordered": False, "items": ["گلیم بافی"]}),
        ],
    )
    index_now()
    for word in ("صنایع", "سفال", "مریم", "بیست", "گلیم"):
        assert found(text=word) == [written.pk], word
    assert found(text="دستیسفال") == []
    assert found(text="amp") == []
    assert "غرفه‌ها & صنایع دستی" in get_backend().search(SearchQuery(text="سفال")).hits[0].body


def test_hits_carry_the_writers_own_spelling(market):
    hit = get_backend().search(SearchQuery(text="خانگی")).hits[0]
    assert hit.title == "بازارچه مشاغل خانگي در گوهردشت باز مي‌شود"
    assert "١٤٠٤" in hit.summary
