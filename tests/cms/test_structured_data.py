"""What search engines and link previews read from a page's head: canonical and hreflang links,
meta descriptions, OpenGraph and Twitter cards, and schema.org JSON-LD."""

import datetime
import json
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from cms.factories import make_story
from cms.models import ArticleCorrection, ArticlePage


def page_head(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def json_ld(soup, kind):
    found = [json.loads(script.string) for script in soup.find_all("script", type="application/ld+json")]
    matches = [data for data in found if data["@type"] == kind]
    assert len(matches) == 1, [data["@type"] for data in found]
    return matches[0]


def meta(soup, key):
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    assert tag is not None, key
    return tag["content"]


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_story_page_names_itself_canonical_and_its_other_language_as_alternate(client, story, prefix):
    url = story.url
    soup = page_head(client, f"{prefix}{url}")
    assert soup.find("link", rel="canonical")["href"] == f"http://testserver{prefix}{url}"
    alternates = {link["hreflang"]: link["href"] for link in soup.find_all("link", hreflang=True)}
    assert alternates == {
        "fa": f"http://testserver{url}",
        "en": f"http://testserver/en{url}",
        "x-default": f"http://testserver{url}",
    }


def test_canonical_link_keeps_only_the_list_page_number(client, neighbourhood):
    for number in range(25):
        make_story(neighbourhood=neighbourhood, title=f"خبر {number}", with_revision=False)
    soup = page_head(client, f"{neighbourhood.url}?page=2&utm_source=telegram")
    assert soup.find("link", rel="canonical")["href"] == f"http://testserver{neighbourhood.url}?page=2"


def test_story_meta_description_is_its_summary(client, story):
    assert meta(page_head(client, story.url), "description") == story.summary


def test_story_card_uses_the_share_size_lead_photo(client, photographed_story):
    soup = page_head(client, photographed_story.url)
    assert meta(soup, "og:type") == "article"
    assert meta(soup, "og:title") == photographed_story.title
    assert meta(soup, "og:description") == photographed_story.summary
    assert meta(soup, "og:url") == f"http://testserver{photographed_story.url}"
    assert meta(soup, "og:locale") == "fa_IR"
    assert meta(soup, "og:image").endswith(photographed_story.lead_image.get_rendition("fill-1200x630").url)
    assert meta(soup, "og:image:width") == "1200"
    assert meta(soup, "og:image:alt") == photographed_story.lead_image_alt
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert meta(soup, "twitter:image") == meta(soup, "og:image")


def test_story_card_names_its_dates_topics_and_tags(client, story):
    ArticlePage.objects.filter(pk=story.pk).update(
        last_published_at=story.first_published_at + datetime.timedelta(hours=2)
    )
    soup = page_head(client, story.url)
    published = timezone.localtime(story.first_published_at).replace(microsecond=0)
    assert meta(soup, "article:published_time") == published.isoformat()
    assert meta(soup, "article:modified_time") == (published + datetime.timedelta(hours=2)).isoformat()
    assert published.isoformat().endswith("+03:30")  # the site's time zone, Tehran
    sections = [tag["content"] for tag in soup.find_all("meta", property="article:section")]
    assert sections == [topic.name for topic in story.topics.all()] and sections
    assert [tag["content"] for tag in soup.find_all("meta", property="article:tag")] == ["مشاغل خانگی"]
    assert meta(soup, "twitter:card") == "summary"


def test_story_carries_a_complete_news_article(client, photographed_story, reporter):
    ArticlePage.objects.filter(pk=photographed_story.pk).update(
        last_published_at=photographed_story.first_published_at + datetime.timedelta(hours=2)
    )
    ArticleCorrection.objects.create(
        article=photographed_story, published_at=timezone.now(), text="نام مدرسه اصلاح شد."
    )
    story = ArticlePage.objects.get(pk=photographed_story.pk)
    article = json_ld(page_head(client, story.url), "NewsArticle")

    assert article["@context"] == "https://schema.org"
    assert article["headline"] == story.title
    assert article["description"] == story.summary
    assert article["datePublished"].endswith("+03:30")
    assert datetime.datetime.fromisoformat(article["datePublished"]) == story.first_published_at.replace(microsecond=0)
    assert datetime.datetime.fromisoformat(article["dateModified"]) == story.last_published_at.replace(microsecond=0)
    assert article["inLanguage"] == "fa"
    assert article["author"] == [
        {"@type": "Person", "name": reporter.display_name, "url": f"http://testserver{reporter.get_url()}"}
    ]
    assert article["publisher"]["@type"] == "Organization"
    assert article["publisher"]["logo"]["url"] == "http://testserver/static/img/mahalleh-logo.png"
    assert article["articleSection"] == [topic.name_fa for topic in story.topics.all()]
    assert [urlsplit(url).path for url in article["image"]] == [
        story.lead_image.get_rendition(spec).url for spec in ("fill-1200x1200", "fill-1200x900", "fill-1200x675")
    ]
    for place_key in ["contentLocation", "spatialCoverage"]:
        place = article[place_key]
        assert place["@type"] == "Place"
        assert place["name"] == story.neighbourhood.title
        assert place["address"]["addressCountry"] == "IR"
    [correction] = article["correction"]
    assert correction["@type"] == "CorrectionComment"
    assert correction["text"] == "نام مدرسه اصلاح شد."


def test_story_text_cannot_close_the_json_ld_script(client, neighbourhood):
    hostile = "</script><script>alert('x')</script><!--"
    story = make_story(neighbourhood=neighbourhood, title=f"عنوان {hostile}", summary=hostile, slug="hostile")
    response = client.get(story.url)
    html = response.content.decode()
    assert "<script>alert" not in html
    soup = BeautifulSoup(html, "html.parser")
    article = json_ld(soup, "NewsArticle")
    assert article["headline"] == story.title
    assert article["description"] == hostile


def test_story_has_a_breadcrumb_from_home_through_its_neighbourhood(client, story):
    crumbs = json_ld(page_head(client, story.url), "BreadcrumbList")["itemListElement"]
    assert [crumb["position"] for crumb in crumbs] == [1, 2, 3]
    assert [unquote(urlsplit(crumb["item"]).path) for crumb in crumbs] == [
        "/",
        unquote(story.neighbourhood.url),
        unquote(story.url),
    ]
    assert crumbs[2]["name"] == story.title


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_home_page_offers_the_site_search_to_search_engines(client, story, prefix):
    site = json_ld(page_head(client, f"{prefix}/"), "WebSite")
    action = site["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == f"http://testserver{prefix}/search/?q={{search_term_string}}"
    assert action["query-input"] == "required name=search_term_string"


def test_listing_pages_have_breadcrumbs(client, story, reporter):
    topic = story.topics.get()
    for url, name in [
        (story.neighbourhood.url, story.neighbourhood.title),
        (topic.get_url(), topic.name_fa),
        (reporter.get_url(), reporter.display_name),
    ]:
        crumbs = json_ld(page_head(client, url), "BreadcrumbList")["itemListElement"]
        assert [crumb["name"] for crumb in crumbs][1:] == [name]


def test_missing_page_names_no_canonical_address(client, db):
    soup = BeautifulSoup(client.get("/no-such-page/").content, "html.parser")
    assert soup.find("link", rel="canonical") is None
    assert not soup.find_all("link", hreflang=True)


def test_alternate_languages_of_a_list_page_keep_its_page_number(client, neighbourhood):
    for number in range(25):
        make_story(neighbourhood=neighbourhood, title=f"خبر {number}", with_revision=False)
    url = neighbourhood.url
    soup = page_head(client, f"/en{url}?page=2&utm_source=telegram")
    alternates = {link["hreflang"]: link["href"] for link in soup.find_all("link", hreflang=True)}
    assert alternates == {
        "fa": f"http://testserver{url}?page=2",
        "en": f"http://testserver/en{url}?page=2",
        "x-default": f"http://testserver{url}?page=2",
    }
