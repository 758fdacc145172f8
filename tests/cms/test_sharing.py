"""Sharing a story: plain links to each service, and a copy-link control that needs no JavaScript."""

from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup

EXPECTED_HOSTS = {"telegram": "t.me", "whatsapp": "wa.me", "x": "twitter.com"}


def story_page(client, story):
    response = client.get(story.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_story_links_to_each_service_with_its_documented_share_url(client, story):
    soup = story_page(client, story)
    story_url = f"http://testserver{story.url}"
    links = {a["class"][1].removeprefix("share__link--"): a["href"] for a in soup.select("a.share__link")}
    assert set(links) == {"telegram", "whatsapp", "x", "email"}

    for service, host in EXPECTED_HOSTS.items():
        assert urlsplit(links[service]).scheme == "https"
        assert urlsplit(links[service]).hostname == host
    telegram = parse_qs(urlsplit(links["telegram"]).query)
    assert telegram == {"url": [story_url], "text": [story.title]}
    assert urlsplit(links["telegram"]).path == "/share/url"
    assert parse_qs(urlsplit(links["whatsapp"]).query) == {"text": [f"{story.title} {story_url}"]}
    assert parse_qs(urlsplit(links["x"]).query) == {"text": [story.title], "url": [story_url]}
    assert urlsplit(links["x"]).path == "/intent/tweet"
    email = urlsplit(links["email"])
    assert email.scheme == "mailto"
    assert parse_qs(email.query) == {"subject": [story.title], "body": [story_url]}
    assert "+" not in email.query


def test_services_without_a_share_url_are_named_with_the_copy_link_advice(client, story):
    response = client.get(f"/en{story.url}")
    note = BeautifulSoup(response.content, "html.parser").select_one(".share__note").get_text()
    for service in ["Eitaa", "Bale", "Rubika"]:
        assert service in note


def test_copy_link_works_without_javascript_as_a_selectable_field(client, story):
    soup = story_page(client, story)
    field = soup.select_one("input[data-copy-link-url]")
    assert field["value"] == f"http://testserver{story.url}"
    assert field.has_attr("readonly")
    assert soup.find("label", attrs={"for": field["id"]})
    assert soup.select_one("button[data-copy-link-button]").has_attr("hidden")


def test_story_page_loads_no_third_party_or_inline_script(client, story):
    soup = story_page(client, story)
    for script in soup.find_all("script"):
        if script.get("type") == "application/ld+json":
            continue
        assert script.get("src", "").startswith("/static/"), script
        assert not script.string
    for tag in soup.find_all(src=True):
        assert urlsplit(tag["src"]).hostname in (None, "testserver"), tag
