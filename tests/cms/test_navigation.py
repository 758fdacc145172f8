"""The site's navigation tells readers (and screen readers) where they are."""

from bs4 import BeautifulSoup

from cms.factories import make_neighbourhood
from cms.models import Topic


def test_topic_page_marks_its_topic_as_the_current_page_in_the_topic_navigation(client, story):
    topic = Topic.objects.get(slug="local-economy")
    html = client.get(topic.get_url()).content.decode()
    assert f'<a href="{topic.get_url()}" aria-current="page">{topic.name}</a>' in html
    assert html.count('aria-current="page"') == 1


def test_neighbourhood_page_marks_itself_as_the_current_page_in_the_footer(client, neighbourhood):
    html = client.get(neighbourhood.url).content.decode()
    assert f'<a href="{neighbourhood.url}" aria-current="page">{neighbourhood.title}</a>' in html


def test_front_page_marks_no_topic_or_neighbourhood_as_current(client, story):
    assert 'aria-current="page"' not in client.get("/").content.decode()


def test_english_pages_mark_the_footer_neighbourhoods_as_persian_but_not_the_translated_topics(client, neighbourhood):
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")
    footer_link = soup.select_one(".site-footer__list a")
    assert (footer_link["lang"], footer_link["dir"]) == ("fa", "rtl")
    assert not soup.select(".topic-nav__list a[lang]")


def test_navigation_link_titles_are_escaped(client, db):
    make_neighbourhood(title="کوی <b>کارمندان</b> & شهرک")
    html = client.get("/").content.decode()
    assert "کوی &lt;b&gt;کارمندان&lt;/b&gt; &amp; شهرک</a>" in html
