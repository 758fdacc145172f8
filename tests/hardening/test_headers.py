"""Security headers on public pages (cached or not) and in the admin."""

import pytest
from bs4 import BeautifulSoup

HEADERS = ("Content-Security-Policy", "Referrer-Policy", "Permissions-Policy", "X-Content-Type-Options")


@pytest.mark.parametrize("visit", ["first", "cached"])
def test_every_public_page_carries_the_security_headers(client, settings, story, visit):
    settings.PAGE_CACHE_ENABLED = True
    client.get(story.url)
    response = client.get(story.url) if visit == "cached" else client.get(story.neighbourhood.url)
    for header in HEADERS:
        assert response.has_header(header), header
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]


def test_public_pages_allow_no_inline_script_and_no_framing_by_others(client, story):
    policy = client.get(story.url)["Content-Security-Policy"]
    script_src = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src
    assert "frame-ancestors 'self'" in policy
    page = BeautifulSoup(client.get(story.url).content, "html.parser")
    # Only scripts from the site's own files, and JSON-LD data, which browsers never execute.
    inline = [tag for tag in page.find_all("script") if not tag.get("src") and tag.get("type") != "application/ld+json"]
    assert inline == []
    assert all(tag["src"].startswith("/static/") for tag in page.find_all("script", src=True))


def test_the_admin_policy_admits_wagtails_inline_scripts(admin_client):
    policy = admin_client.get("/admin/")["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "frame-ancestors 'self'" in policy
