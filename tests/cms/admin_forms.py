"""Filling in the Wagtail admin's "add story" form the way an editor's browser submits it."""

from django.http import QueryDict
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from cms.models import Topic


def add_story_url(neighbourhood) -> str:
    return reverse("wagtailadmin_pages:add", args=["cms", "articlepage", neighbourhood.pk])


def story_form(client, neighbourhood, *, reporter, body=None, **fields) -> QueryDict:
    """The add form's own defaults, with a title, slug, summary, byline, topic and body filled in."""
    data = querydict_from_html(client.get(add_story_url(neighbourhood)).content.decode(), form_id="page-edit-form")
    data.update(
        nested_form_data(
            {
                "title": "بازارچه محله باز شد",
                "slug": "بازارچه-محله",
                "summary": "ده غرفه برای مشاغل خانگی.",
                "body": streamfield(body or [("paragraph", rich_text("<p>غرفه‌ها پنج‌شنبه‌ها باز است.</p>"))]),
                "action-publish": "action-publish",
                **fields,
            }
        )
    )
    data.setlist("reporters", [str(reporter.pk)])
    data.setlist("topics", [str(Topic.objects.order_by("pk").first().pk)])
    return data
