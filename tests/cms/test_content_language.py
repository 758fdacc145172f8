"""Newsroom text is Persian: on English pages it is marked so, for screen readers and right-to-left layout."""


def test_story_text_on_an_english_page_is_marked_as_persian_and_right_to_left(client, story):
    html = client.get("/en" + story.url).content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert f'<h1 class="story__title" lang="fa" dir="rtl">{story.title}</h1>' in html
    assert '<div class="story__body" lang="fa" dir="rtl">' in html


def test_story_text_on_a_persian_page_inherits_the_page_language(client, story):
    html = client.get(story.url).content.decode()
    assert '<html lang="fa" dir="rtl">' in html
    assert f'<h1 class="story__title">{story.title}</h1>' in html


def test_neighbourhood_name_on_an_english_page_is_marked_as_persian(client, neighbourhood):
    html = client.get("/en" + neighbourhood.url).content.decode()
    assert f'<h1 lang="fa" dir="rtl">{neighbourhood.title}</h1>' in html
