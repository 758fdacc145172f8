"""A story sent without what it needs is refused with Persian messages, and nothing typed is lost."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.models import ArticlePage

from .conftest import story_form

SUMMARY = "سه کوچه پس از باران دیشب زیر آب رفت."
BODY = "ساکنان از صبح آب را با سطل بیرون می‌ریزند."
REQUIRED = "این فیلد لازم است."


@pytest.fixture
def sent_without_title_byline_or_topic(client, reporter_user, neighbourhood):
    client.force_login(reporter_user)
    form = story_form("", summary=SUMMARY) | {"topics": [], "reporters": [], "action-submit": "submit"}
    form |= nested_form_data({"body": streamfield([("paragraph", rich_text(f"<p>{BODY}</p>"))])})
    url = reverse("wagtailadmin_pages:add", args=["cms", "articlepage", neighbourhood.pk])
    response = client.post(url, form)
    return response, BeautifulSoup(response.content, "html.parser")


def strings_in(value) -> list[str]:
    """Every string in ``value``, reading into the JSON documents nested in it (rich text is one)."""
    if isinstance(value, str) and value.startswith(("{", "[")):
        try:
            return strings_in(json.loads(value))
        except ValueError:
            return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings_in(item)]
    if isinstance(value, list):
        return [text for item in value for text in strings_in(item)]
    return [value] if isinstance(value, str) else []


def field_errors(page) -> dict[str, str]:
    return {
        field["data-contentpath"]: field.select_one("[data-field-errors]").get_text(" ", strip=True)
        for field in page.select("[data-field][data-contentpath]")
        if field.select_one("[data-field-errors]") and field.select_one("[data-field-errors]").get_text(strip=True)
    }


def test_a_story_without_title_byline_or_topic_is_refused_in_persian(sent_without_title_byline_or_topic):
    response, page = sent_without_title_byline_or_topic
    assert response.status_code == 200
    assert not ArticlePage.objects.exists()
    assert "صفحه ساخته نشد: خطاهای مشخص‌شده را برطرف کنید." in page.select_one(".messages").get_text()
    errors = field_errors(page)
    assert {field: errors.get(field) for field in ("title", "reporters", "topics")} == {
        "title": REQUIRED,
        "reporters": REQUIRED,
        "topics": REQUIRED,
    }


def test_a_refused_story_keeps_what_was_typed(sent_without_title_byline_or_topic):
    _, page = sent_without_title_byline_or_topic
    # Django writes a newline after <textarea>, which browsers drop.
    assert page.select_one("textarea[name=summary]").get_text().removeprefix("\n") == SUMMARY
    # The body is drawn by JavaScript from JSON the form is rendered with.
    body = page.select_one("[data-contentpath=body] #body")
    assert any(BODY in text for value in body.attrs.values() for text in strings_in(value))
