"""The front page and a story render for an anonymous reader."""


def test_front_page_shows_the_newest_story(client, story):
    response = client.get("/")
    assert response.status_code == 200
    assert story.title in response.content.decode()


def test_story_page_shows_its_reporter(client, story, reporter):
    response = client.get(story.url)
    assert response.status_code == 200
    assert reporter.display_name in response.content.decode()
