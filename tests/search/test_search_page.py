"""The public search page and the JSON API, through HTTP as readers and apps use them."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import Page, PageViewRestriction

from cms.factories import make_story

from .builders import index_now, story

pytestmark = pytest.mark.django_db
SEARCH = "/search/"
API = "/api/search/"


def page(client, **params):
    response = client.get(SEARCH, params)
    return response, BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def market(places):
    written = story(
        places,
        title="بازارچه مشاغل خانگي در گوهردشت",
        summary="ده غرفه براي زنان سرپرست خانوار باز شد.",
        body=[("paragraph", "<p>متن کامل خبر بازارچه.</p>")],
    )
    index_now()
    return written


def test_reader_finds_a_story_typed_with_persian_letters_and_sees_the_match_marked(client, market):
    response, soup = page(client, q="خانگی")
    assert response.status_code == 200
    assert soup.html["lang"] == "fa" and soup.html["dir"] == "rtl"
    result = soup.select_one(".search-result")
    assert result.a["href"] == market.url
    assert result.select_one("mark").text == "خانگي"
    assert "۱" in soup.select_one("#results-heading").text


def test_story_text_is_escaped_in_titles_and_snippets(client, places):
    story(places, title="هشدار <script>alert(1)</script> در محله", summary="متن <b>پررنگ</b> هشدار")
    index_now()
    response, soup = page(client, q="هشدار")
    assert b"<script>alert(1)</script>" not in response.content
    assert soup.select_one(".search-result h3").text.strip() == "هشدار <script>alert(1)</script> در محله"
    assert not soup.select(".search-result b")


def test_no_match_shows_an_empty_state_in_persian(client, market):
    response, soup = page(client, q="فوتبال")
    assert response.status_code == 200
    assert "فوتبال" in soup.select_one(".empty-state").text
    assert not soup.select(".search-result")


def test_an_empty_query_lists_the_newest_stories(client, market):
    _, soup = page(client)
    assert [a["href"] for a in soup.select(".search-result h3 a")] == [market.url]


def test_filters_are_checkboxes_with_counts_that_work_without_javascript(client, places, market):
    story(places, where="fardis", reporter="reza", title="بازارچه فردیس")
    index_now()
    _, soup = page(client, q="بازارچه")
    boxes = {box["value"]: box for box in soup.select("input[name=neighbourhood]")}
    assert set(boxes) == {places["gohardasht"].slug, places["fardis"].slug}
    assert "(۱)" in boxes[places["fardis"].slug].parent.text
    _, soup = page(client, q="بازارچه", neighbourhood=places["fardis"].slug)
    assert [h.text.strip() for h in soup.select(".search-result h3")] == ["بازارچه فردیس"]
    assert soup.select_one(f"input[value={places['fardis'].slug}]").has_attr("checked")


def test_results_come_twenty_a_page_and_links_keep_the_query(client, places):
    for n in range(21):
        make_story(neighbourhood=places["gohardasht"], title=f"گزارش شماره {n}", with_revision=False)
    from search.queue import reconcile

    reconcile()
    _, soup = page(client, q="گزارش")
    assert len(soup.select(".search-result")) == 20
    next_link = soup.select_one(".pagination a[rel=next]")["href"]
    assert "q=" in next_link and "page=2" in next_link
    _, soup = page(client, q="گزارش", page="2")
    assert len(soup.select(".search-result")) == 1


def persian(message: str, **params) -> str:
    """A message as a Persian reader sees it (the msgid until the lead merges the translations)."""
    with translation.override("fa"):
        return gettext(message) % params if params else gettext(message)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "ب" * 201}, persian("Search for at most %(limit_value)d characters.", limit_value=200)),
        ({"page": "abc"}, persian("The page number must be a whole number from 1.")),
        ({"page": "0"}, persian("The page number must be a whole number from 1.")),
        (
            {"page": "99999"},
            persian("Only the first %(pages)d pages of results are shown; narrow your search instead.", pages=50),
        ),
        ({"neighbourhood": "nowhere"}, "nowhere"),
        ({"topic": "no-topic"}, "no-topic"),
        ({"tag": "هیچ"}, "هیچ"),
        ({"reporter": "nobody"}, "nobody"),
        ({"published_from": "yesterday"}, persian("Write the date as year-month-day, for example 1404-01-15.")),
        (
            {"published_from": "1404-02-01", "published_to": "1404-01-01"},
            persian("The end date is before the start date."),
        ),
    ],
)
def test_bad_input_gets_a_clear_message_not_an_error(client, market, params, message):
    response, soup = page(client, **params)
    assert response.status_code == 400
    assert message in soup.select_one(".search__errors").text
    assert soup.select_one("#search-q")


def test_a_page_past_the_end_says_so(client, market):
    response, soup = page(client, q="بازارچه", page="3")
    assert response.status_code == 404
    assert soup.select_one(".empty-state a")


def test_persian_digits_and_jalali_dates_are_understood(client, places, market):
    response, soup = page(client, q="بازارچه", published_from="۱۳۹۰-۰۱-۰۱", page="۱")
    assert response.status_code == 200
    assert soup.select(".search-result")


def test_the_api_answers_the_same_search_as_json(client, market, places):
    response = client.get(API, {"q": "خانگی", "neighbourhood": places["gohardasht"].slug})
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 1 and body["page"] == 1 and body["pages"] == 1
    result = body["results"][0]
    assert result["url"] == market.url
    assert result["highlight"]["title"] == "بازارچه مشاغل <mark>خانگي</mark> در گوهردشت"
    assert body["facets"]["neighbourhood"] == [
        {"slug": places["gohardasht"].slug, "name": "گوهردشت", "count": 1, "selected": True}
    ]


def test_the_api_reports_bad_input_as_json(client, market):
    response = client.get(API, {"page": "x", "topic": "none"})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"page", "topic"}


def test_suggestions_complete_titles_as_the_reader_types(client, market):
    response = client.get(reverse("search_api:suggest"), {"q": "بازار"})
    assert [s["url"] for s in response.json()["suggestions"]] == [market.url]
    assert client.get(reverse("search_api:suggest"), {"q": "ب"}).json() == {"suggestions": []}


def test_every_page_has_a_search_form_in_its_header(client, market):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    form = soup.select_one("header form[role=search]")
    assert form["action"] == SEARCH and form.select_one("input[name=q]")


def test_each_interface_language_has_its_own_header_search_form(client, market):
    """The form is rendered once per language and remembered: each language must keep its own."""
    forms = {}
    for prefix in ("", "/en", ""):
        soup = BeautifulSoup(client.get(f"{prefix}/").content, "html.parser")
        form = soup.select_one("header form[role=search]")
        forms[prefix] = (form["action"], form.select_one("button").text)
    assert forms[""] == (SEARCH, "جستجو")
    assert forms["/en"] == ("/en" + SEARCH, "Search")


def test_english_interface_searches_too(client, market):
    response = client.get("/en/search/", {"q": "خانگی"})
    assert response.status_code == 200
    assert BeautifulSoup(response.content, "html.parser").html["lang"] == "en"


def test_story_page_shows_related_stories(client, places):
    source = story(places, title="کمبود آب در گوهردشت")
    related = story(places, title="قطعی آب گوهردشت ادامه دارد")
    index_now()
    soup = BeautifulSoup(client.get(source.url).content, "html.parser")
    assert [a["href"] for a in soup.select(".related .story-card__title a")] == [related.url]


def test_a_related_story_card_is_a_compact_headline_with_neighbourhood_and_date(client, places):
    source = story(places, title="کمبود آب در گوهردشت")
    related = story(places, title="قطعی آب گوهردشت ادامه دارد", where="fardis", summary="خلاصه خبر")
    index_now()
    card = BeautifulSoup(client.get(source.url).content, "html.parser").select_one(".related .story-card")
    assert card["class"] == ["story-card", "story-card--compact"]
    assert card.select_one(".story-card__summary") is None
    assert card.select_one(".story-card__title").get_text(strip=True) == related.title
    neighbourhood = card.select_one(".story-card__meta a")
    assert (neighbourhood["href"], neighbourhood.get_text()) == (places["fardis"].url, "فردیس")
    published = timezone.localtime(related.first_published_at)
    assert card.select_one("time")["datetime"] == published.isoformat(timespec="seconds")


def hide_by_unpublishing(story_page):
    Page.objects.filter(pk=story_page.pk).update(live=False)


def hide_behind_a_restriction(story_page):
    PageViewRestriction.objects.create(page=story_page.get_parent(), restriction_type="password", password="x")


@pytest.mark.parametrize("hide", [hide_by_unpublishing, hide_behind_a_restriction])
def test_a_story_the_index_still_has_but_readers_may_not_see_is_left_out(client, places, hide):
    source = story(places, title="کمبود آب در گوهردشت", where="fardis")
    hidden = story(places, title="قطعی آب گوهردشت ادامه دارد")
    index_now()
    hide(hidden)  # without telling the index, as when it lags behind
    related = BeautifulSoup(client.get(source.url).content, "html.parser").select(".related .story-card")
    assert related == []
    _, results = page(client, q="آب گوهردشت")
    assert [a.get_text() for a in results.select(".search-result .story-card__title a")] == [source.title]


def test_story_page_still_works_when_search_is_down(client, places, settings, tmp_path):
    source = story(places, title="کمبود آب در گوهردشت")
    (tmp_path / "blocked").write_text("")
    settings.SEARCH_INDEX_DIR = tmp_path / "blocked"
    response = client.get(source.url)
    assert response.status_code == 200
    assert b"related-heading" not in response.content


def test_search_page_says_when_search_is_unavailable(client, market, settings, tmp_path):
    (tmp_path / "blocked").write_text("")
    settings.SEARCH_INDEX_DIR = tmp_path / "blocked"
    response = client.get(SEARCH, {"q": "بازارچه"})
    assert response.status_code == 503
    assert persian("Search is unavailable at the moment. Please try again soon.") in response.content.decode()


def test_neighbourhood_listing_offers_topic_filters_with_counts(client, places, market):
    soup = BeautifulSoup(client.get(places["gohardasht"].url).content, "html.parser")
    link = soup.select_one(".listing-filters a")
    assert link["href"].startswith(SEARCH) and "topic=local-economy" in link["href"]
    assert "(۱)" in link.text
