"""Autosave on a reporter's phone (newsroom/static/newsroom/autosave.js over Wagtail's): what she types
while a save travels is saved too, a change is saved once and not over and over, and a submission
waits for a save on its way, but not for ever, so a save stuck on a bad connection never stops her
from sending the story to the desk."""

import time

import pytest

from cms.factories import make_neighbourhood, make_story, paragraph_blocks
from cms.models import ArticlePage, Topic
from newsroom.roles import setup_newsroom
from tests.newsroom.conftest import PASSWORD, make_reporter_login

from .chromium import PHONE_WIDTH, set_screen_width
from .wagtail_admin import (
    autosave_state,
    click,
    footer_action,
    log_in,
    log_out,
    open_editor,
    wait_for,
    wait_until_autosaved,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LONGEST_WAIT_SECONDS = 15  # LONGEST_WAIT_MS in newsroom/static/newsroom/autosave.js
NEW_TITLE = "صف نانوایی سنگکی مهرشهر از ساعت شش صبح"

# The answers to the autosaves the page sends from now on are held back until the test releases them,
# or for ever: a slow connection, or one that never answers.
HOLD_AUTOSAVE_ANSWERS = """
window.heldAnswers = [];
window.holdingAnswers = true;
const fetch = window.fetch;
const hold = answer =>
    window.holdingAnswers ? new Promise(release => window.heldAnswers.push(() => release(answer))) : answer;
window.fetch = (url, init) =>
    init && init.method && init.method.toLowerCase() === "post" && String(url).includes("/edit/")
        ? fetch(url, init).then(hold)
        : fetch(url, init);
"""


def autosave_requests(driver) -> int:
    return len(driver.execute_script("return window.autosaveWatch.requests"))


@pytest.fixture
def draft_of_a_reporter(browser, live_server):
    mehrshahr = make_neighbourhood(title="مهرشهر")
    setup_newsroom()
    user = make_reporter_login("narges", [mehrshahr])
    story = make_story(
        neighbourhood=mehrshahr,
        title="صف نانوایی",
        summary="نانوایی محله از صبح زود شلوغ است.",
        body=paragraph_blocks(["ساکنان می‌گویند صف هر روز طولانی‌تر می‌شود."]),
        reporters=[user.reporter_profile],
        topics=[Topic.objects.first()],
        publish=False,
    )
    story.owner = user
    story.save()
    set_screen_width(browser, PHONE_WIDTH)
    yield live_server.url, user, story
    log_out(browser)


def edit(browser, draft_of_a_reporter) -> ArticlePage:
    base_url, reporter, story = draft_of_a_reporter
    log_in(browser, base_url, reporter.username, PASSWORD)
    browser.get(f"{base_url}/admin/pages/{story.pk}/edit/")
    open_editor(browser)
    return story


def saved_title(story: ArticlePage) -> str:
    return ArticlePage.objects.get(pk=story.pk).get_latest_revision_as_object().title


def test_what_is_typed_while_a_save_travels_is_saved_too(browser, draft_of_a_reporter):
    story = edit(browser, draft_of_a_reporter)
    browser.execute_script(HOLD_AUTOSAVE_ANSWERS)
    title = browser.find_element("id", "id_title")
    title.clear()
    title.send_keys("صف نانوایی سنگکی")
    wait_for(browser, lambda d: d.execute_script("return window.heldAnswers.length") == 1)
    # The rest is typed just as the answer arrives, before the change watcher's next look at the form.
    browser.execute_script(
        "arguments[0].value = arguments[1]; window.holdingAnswers = false; window.heldAnswers.forEach(r => r())",
        title,
        NEW_TITLE,
    )

    wait_for(browser, lambda d: saved_title(story) == NEW_TITLE)


def test_a_change_is_autosaved_once(browser, draft_of_a_reporter):
    story = edit(browser, draft_of_a_reporter)
    title = browser.find_element("id", "id_title")
    title.clear()
    title.send_keys(NEW_TITLE)
    wait_until_autosaved(browser, NEW_TITLE)
    saves = autosave_requests(browser)

    time.sleep(5)
    assert autosave_requests(browser) == saves, "autosave kept saving a form that had not changed"
    assert autosave_state(browser) == "saved"
    assert saved_title(story) == NEW_TITLE


def test_a_submission_waits_for_an_autosave_on_its_way_but_not_for_ever(browser, draft_of_a_reporter):
    story = edit(browser, draft_of_a_reporter)
    browser.execute_script(HOLD_AUTOSAVE_ANSWERS)
    title = browser.find_element("id", "id_title")
    title.clear()
    title.send_keys(NEW_TITLE)
    wait_for(browser, lambda d: autosave_state(d) == "saving")
    click(browser, footer_action(browser, "button[name=action-submit]"))
    pressed = time.monotonic()

    time.sleep(2)
    assert browser.current_url.endswith(f"/pages/{story.pk}/edit/"), "the submission did not wait for the autosave"
    wait_for(browser, lambda d: "/edit/" not in d.current_url, timeout=LONGEST_WAIT_SECONDS + 20)
    assert time.monotonic() - pressed >= LONGEST_WAIT_SECONDS - 1

    assert saved_title(story) == NEW_TITLE
    story.refresh_from_db()
    assert story.workflow_in_progress and not story.live
