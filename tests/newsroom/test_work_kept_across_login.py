"""A reporter whose session ends while writing gets their text back after logging in again."""

import re
from importlib import import_module

from django.conf import settings
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html

from cms.models import ArticlePage

from .conftest import PASSWORD, body_form, story_form

LATE_TEXT = "این جمله را پس از پایان نشست نوشتم و نباید گم شود."


def log_in(client, user, next_url: str = ""):
    return client.post(
        reverse("wagtailadmin_login"), {"username": user.username, "password": PASSWORD, "next": next_url}
    )


def end_session(client) -> None:
    """What an idle timeout does on the server: the session is gone, the browser still sends its cookie."""
    engine = import_module(settings.SESSION_ENGINE)
    engine.SessionStore(session_key=client.cookies[settings.SESSION_COOKIE_NAME].value).delete()


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def edit_form_with(client, page, text: str):
    """The story's edit form as its writer sends it, with ``text`` as its body."""
    data = querydict_from_html(client.get(edit_url(page)).content.decode(), form_id="page-edit-form")
    data.update(nested_form_data({"body": body_form(page, text)}))
    return data


def saved_text(page) -> str:
    return ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object().plain_text()


def test_text_sent_after_the_session_ended_is_back_as_a_draft_after_logging_in(client, reporter_user, draft):
    log_in(client, reporter_user)
    form = edit_form_with(client, draft, LATE_TEXT)
    end_session(client)

    sent = client.post(edit_url(draft), form | {"action-submit": "submit"})
    assert sent.status_code == 302
    assert sent["Location"].startswith(reverse("wagtailadmin_login"))
    assert LATE_TEXT not in saved_text(draft)
    login_page = client.get(sent["Location"]).content.decode()
    assert "نشست شما به پایان رسیده است" in login_page

    logged_in = log_in(client, reporter_user, next_url=edit_url(draft))
    assert logged_in["Location"] == edit_url(draft)
    restored = client.get(edit_url(draft), follow=True)

    assert LATE_TEXT in saved_text(draft)
    assert "آنچه پس از پایان نشست نوشته بودید بازگشت" in restored.content.decode()
    draft.refresh_from_db()
    assert not draft.workflow_in_progress, "the kept text comes back as a draft, not as a submission"
    assert draft.get_latest_revision().user == reporter_user


def test_autosave_after_the_session_ended_says_so_in_persian_and_keeps_each_later_change(client, reporter_user, draft):
    log_in(client, reporter_user)
    form = edit_form_with(client, draft, "نسخه اول پس از پایان نشست")
    later_form = edit_form_with(client, draft, LATE_TEXT)
    end_session(client)

    for data in (form, later_form):
        autosaved = client.post(edit_url(draft), data, headers={"Accept": "application/json"})
        assert autosaved.status_code == 401
        assert autosaved.json()["success"] is False
        assert "دوباره وارد شوید" in autosaved.json()["error_message"]

    log_in(client, reporter_user, next_url=edit_url(draft))
    client.get(edit_url(draft))
    assert LATE_TEXT in saved_text(draft)


def test_a_new_story_sent_after_the_session_ended_is_created_as_a_draft_after_logging_in(
    client, reporter_user, neighbourhood
):
    log_in(client, reporter_user)
    add_url = reverse("wagtailadmin_pages:add", args=["cms", "articlepage", neighbourhood.pk])
    end_session(client)

    client.post(add_url, story_form("کوچه‌ای که هنوز آسفالت نشده", reporters=[reporter_user.reporter_profile.pk]))
    assert not ArticlePage.objects.filter(title="کوچه‌ای که هنوز آسفالت نشده").exists()

    log_in(client, reporter_user, next_url=add_url)
    client.get(add_url)
    story = ArticlePage.objects.get(title="کوچه‌ای که هنوز آسفالت نشده")
    assert story.owner == reporter_user and not story.live


def test_kept_text_stays_with_the_browser_that_sent_it(client, reporter_user, draft):
    log_in(client, reporter_user)
    form = edit_form_with(client, draft, LATE_TEXT)
    end_session(client)
    client.post(edit_url(draft), form)

    elsewhere = Client()
    log_in(elsewhere, reporter_user)
    elsewhere.get(edit_url(draft))
    assert LATE_TEXT not in saved_text(draft)


def log_in_with_the_form(browser, user) -> None:
    """Logs in as a browser does, sending back the CSRF token of the login form."""
    page = browser.get(reverse("wagtailadmin_login")).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = {"csrfmiddlewaretoken": token, "username": user.username, "password": PASSWORD}
    assert browser.post(reverse("wagtailadmin_login"), form).status_code == 302


def test_a_post_from_another_site_is_not_kept(reporter_user, draft):
    """Only posts that pass the CSRF check are kept: another site cannot plant text for the next login."""
    browser = Client(enforce_csrf_checks=True)
    log_in_with_the_form(browser, reporter_user)
    forged = edit_form_with(browser, draft, LATE_TEXT)
    forged["csrfmiddlewaretoken"] = "forged"
    end_session(browser)

    assert browser.post(edit_url(draft), forged).status_code == 403

    log_in_with_the_form(browser, reporter_user)
    browser.get(edit_url(draft))
    assert LATE_TEXT not in saved_text(draft)
