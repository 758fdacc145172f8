"""A photo used in a published story needs alt text; the editor is told why, and nothing else they wrote is
lost. A draft may wait for it: saving one, by hand or by autosave, keeps everything written so far."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import ArticlePage, Topic
from cms.photos.uploads import add_photo

from . import photo_files

LEAD_ALT_MESSAGE = "Describe the lead photo for readers who cannot see it."
BLOCK_ALT_MESSAGE = "Describe this photo for readers who cannot see it."


@pytest.fixture
def photo(db):
    return add_photo(title="غرفه‌ها", file=SimpleUploadedFile("a.jpg", photo_files.phone_jpeg(size=(800, 600))))


def story_form(*, reporter, photo, lead_alt: str, body_alt: str, action: str = "publish") -> dict:
    data = nested_form_data(
        {
            "title": "بازارچه گوهردشت باز شد",
            "slug": "bazarche-gohardasht",
            "summary": "ده غرفه برای زنان سرپرست خانوار.",
            "lead_image": photo.pk,
            "lead_image_alt": lead_alt,
            "lead_image_caption": "غرفه‌های بازارچه",
            "lead_image_credit": "زهرا احمدی",
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>بازارچه از شنبه باز است.</p>")),
                    ("image", {"image": photo.pk, "alt": body_alt, "caption": "ورودی", "credit": "زهرا احمدی"}),
                ]
            ),
            "tags": "",
            "corrections": inline_formset([]),
        }
    )
    actions = {f"action-{action}": action} if action else {}
    return {**data, **actions, "reporters": [reporter.pk], "topics": [Topic.objects.first().pk]}


def add_story(admin_client, neighbourhood, data):
    return admin_client.post(f"/admin/pages/add/cms/articlepage/{neighbourhood.pk}/", data)


def test_story_with_alt_text_for_every_photo_is_saved(admin_client, neighbourhood, reporter, photo):
    response = add_story(
        admin_client,
        neighbourhood,
        story_form(reporter=reporter, photo=photo, lead_alt="غرفه‌ها", body_alt="ورودی بازارچه"),
    )

    assert response.status_code == 302
    story = ArticlePage.objects.get(slug="bazarche-gohardasht")
    assert story.lead_image_credit == "زهرا احمدی"
    assert story.body[1].value["caption"] == "ورودی"


def test_lead_photo_without_alt_text_is_refused_with_a_clear_message_and_the_story_kept(
    admin_client, neighbourhood, reporter, photo
):
    response = add_story(
        admin_client, neighbourhood, story_form(reporter=reporter, photo=photo, lead_alt=" ", body_alt="ورودی")
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert escape(gettext(LEAD_ALT_MESSAGE)) in html
    assert "ده غرفه برای زنان سرپرست خانوار." in html
    assert "غرفه‌های بازارچه" in html
    assert not ArticlePage.objects.filter(slug="bazarche-gohardasht").exists()


def test_body_photo_without_alt_text_is_refused_with_a_clear_message(admin_client, neighbourhood, reporter, photo):
    response = add_story(
        admin_client, neighbourhood, story_form(reporter=reporter, photo=photo, lead_alt="غرفه‌ها", body_alt="")
    )

    assert response.status_code == 200
    # The admin hands StreamField errors to its JavaScript as JSON, with non-ASCII letters escaped.
    assert json.dumps(gettext(BLOCK_ALT_MESSAGE))[1:-1] in response.content.decode()
    assert not ArticlePage.objects.filter(slug="bazarche-gohardasht").exists()


@pytest.mark.parametrize("missing", ["lead", "body"])
def test_a_draft_is_kept_while_a_photo_still_waits_for_its_alt_text(
    admin_client, neighbourhood, reporter, photo, missing
):
    alts = {"lead_alt": "غرفه‌ها", "body_alt": "ورودی بازارچه"} | {f"{missing}_alt": ""}
    draft = story_form(reporter=reporter, photo=photo, action="", **alts)

    assert add_story(admin_client, neighbourhood, draft).status_code == 302
    story = ArticlePage.objects.get(slug="bazarche-gohardasht")
    assert not story.live
    assert story.lead_image_id == photo.pk
    assert story.body[1].value["image"].pk == photo.pk

    edit_url = f"/admin/pages/{story.pk}/edit/"
    autosave = admin_client.post(
        edit_url, draft | {"summary": "تازه‌ترین نوشته"}, headers={"Accept": "application/json"}
    )
    assert autosave.status_code == 200, autosave.content
    assert ArticlePage.objects.get(pk=story.pk).get_latest_revision_as_object().summary == "تازه‌ترین نوشته"

    publishing = admin_client.post(edit_url, draft | {"action-publish": "publish"})
    assert publishing.status_code == 200
    story.refresh_from_db()
    assert not story.live
