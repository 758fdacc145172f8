"""Every admin page on a reporter's and a desk editor's way through the newsroom speaks Persian: no English
is left in what it shows, in its tooltips and screen-reader labels, or in its menus."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from .admin_text import english_in, is_english
from .conftest import file_story, post_edit, story_form
from .test_workflow import act


def persian_names(user, first_name: str, last_name: str) -> None:
    """Logins are Latin; the names people see are not, so any Latin left on a page is interface text."""
    user.first_name, user.last_name = first_name, last_name
    user.save()
    if reporter := getattr(user, "reporter_profile", None):
        reporter.display_name = f"{first_name} {last_name}"
        reporter.save()


@pytest.fixture
def stories(client, reporter_user, desk_editor, neighbourhood):
    """A reporter's stories in each stage: a draft, one waiting for review, one sent back with a note."""
    persian_names(reporter_user, "زهرا", "احمدی")
    persian_names(desk_editor, "مریم", "کریمی")
    draft = file_story(client, reporter_user, neighbourhood, "پیش‌نویس خبر بازارچه")
    waiting = file_story(client, reporter_user, neighbourhood, "خبر در انتظار بررسی")
    post_edit(client, waiting, action="submit")
    sent_back = file_story(client, reporter_user, neighbourhood, "خبری که اصلاح می‌خواهد")
    post_edit(client, sent_back, action="submit")
    act(client, sent_back, desk_editor, "reject", comment="منبع آمار را بنویسید.")
    client.logout()
    waiting.refresh_from_db()
    return {"draft": draft, "waiting": waiting, "sent back": sent_back}


def reporters_pages(client, stories, neighbourhood) -> dict[str, str]:
    draft, waiting, sent_back = stories["draft"], stories["waiting"], stories["sent back"]
    add_url = reverse("wagtailadmin_pages:add", args=["cms", "articlepage", neighbourhood.pk])
    return {
        "dashboard": reverse("wagtailadmin_home"),
        "neighbourhood's pages": reverse("wagtailadmin_explore", args=[neighbourhood.pk]),
        "new story": add_url,
        "draft": reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        "story waiting for review": reverse("wagtailadmin_pages:edit", args=[waiting.pk]),
        "story sent back": reverse("wagtailadmin_pages:edit", args=[sent_back.pk]),
        "history": reverse("wagtailadmin_pages:history", args=[sent_back.pk]),
        "review history": reverse("wagtailadmin_pages:workflow_history", args=[sent_back.pk]),
        "photos": reverse("wagtailimages:index"),
        "photo upload": reverse("wagtailimages:add"),
        "photo chooser": reverse("wagtailimages_chooser:choose"),
        "account": reverse("wagtailadmin_account"),
        "two-factor setup": reverse("two_factor_setup"),
    }


def editors_pages(stories, neighbourhood) -> dict[str, str]:
    waiting = stories["waiting"]
    task_state = waiting.current_workflow_task_state
    return {
        "dashboard": reverse("wagtailadmin_home"),
        "neighbourhood's pages": reverse("wagtailadmin_explore", args=[neighbourhood.pk]),
        "story to review": reverse("wagtailadmin_pages:edit", args=[waiting.pk]),
        "draft": reverse("wagtailadmin_pages:edit", args=[stories["draft"].pk]),
        "request changes dialog": reverse(
            "wagtailadmin_pages:collect_workflow_action_data", args=[waiting.pk, "reject", task_state.pk]
        ),
        "approve with comment dialog": reverse(
            "wagtailadmin_pages:collect_workflow_action_data", args=[waiting.pk, "approve", task_state.pk]
        ),
        "history": reverse("wagtailadmin_pages:history", args=[waiting.pk]),
        "review history": reverse("wagtailadmin_pages:workflow_history", args=[waiting.pk]),
    }


def page_html(response) -> str:
    """The page's HTML; dialogs and choosers answer JSON that carries their HTML."""
    assert response.status_code == 200, response.status_code
    if response["Content-Type"].startswith("application/json"):
        return json.loads(response.content)["html"]
    return response.content.decode()


def english_on(client, pages: dict[str, str]) -> dict[str, list[str]]:
    found = {name: english_in(page_html(client.get(url))) for name, url in pages.items()}
    return {name: texts for name, texts in found.items() if texts}


def test_the_english_detector_tells_interface_words_from_names_formats_and_addresses():
    assert is_english("Request changes")
    assert is_english("Approve with comment و انتشار")
    assert not is_english("عکس با قالب JPEG، PNG یا WebP، حداکثر 20 MB.")
    assert not is_english("مثلا http://domain.com/blog/[my-slug]/")


def test_the_login_page_speaks_persian(db):
    assert english_on(Client(), {"login": reverse("wagtailadmin_login")}) == {}


def test_a_reporters_admin_pages_speak_persian(client, reporter_user, stories, neighbourhood):
    client.force_login(reporter_user)
    assert english_on(client, reporters_pages(client, stories, neighbourhood)) == {}


def test_a_refused_story_is_explained_in_persian(client, reporter_user, stories, neighbourhood):
    client.force_login(reporter_user)
    add_url = reverse("wagtailadmin_pages:add", args=["cms", "articlepage", neighbourhood.pk])
    refused = client.post(add_url, story_form("") | {"action-submit": "submit"})
    assert english_in(page_html(refused)) == []


def test_a_desk_editors_admin_pages_speak_persian(client, desk_editor, stories, neighbourhood):
    client.force_login(desk_editor)
    assert english_on(client, editors_pages(stories, neighbourhood)) == {}


def test_autosaves_that_fail_say_why_in_persian(client, reporter_user, draft, neighbourhood):
    """What Wagtail's editor shows beside its autosave indicator when the server refuses an autosave."""
    client.force_login(reporter_user)
    waiting = file_story(client, reporter_user, neighbourhood, "صف نانوایی میدان اصلی")
    post_edit(client, waiting, action="submit")
    first_revision = draft.latest_revision
    post_edit(client, draft, title="چاله‌های خیابان گلستان هنوز پر نشده")

    answers = {
        "validation_error": post_edit(client, draft, autosave=True, title=""),
        "invalid_revision": post_edit(client, draft, autosave=True, loaded_revision_id=str(first_revision.pk)),
        "locked": post_edit(client, waiting, autosave=True),
    }

    for code, answer in answers.items():
        assert answer.status_code == 400, (code, answer.status_code)
        assert answer.json()["error_code"] == code
        message = answer.json()["error_message"]
        assert message and not is_english(message), (code, message)
