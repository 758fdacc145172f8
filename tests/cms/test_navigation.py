"""The site's navigation tells readers (and screen readers) where they are."""

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
