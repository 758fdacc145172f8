"""A reporter who submits while an autosave is on its way: the submission waits for that save, but not
for ever, so a save stuck on a bad connection never stops her from sending the story to the desk."""

import time

import pytest

from cms.factories import make_neighbourhood, make_story, paragraph_blocks
from cms.models import ArticlePage, Topic
from newsroom.roles import setup_newsroom
from tests.newsroom.conftest import PASSWORD, make_reporter_login

from .chromium import PHONE_WIDTH, set_screen_width
from .wagtail_admin import autosave_state, click, footer_action, log_in, log_out, open_editor, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LONGEST_WAIT_SECONDS = 15  # LONGEST_WAIT_MS in newsroom/static/newsroom/autosave.js
NEW_TITLE = "صف نانوایی سنگکی مهرشهر از ساعت شش صبح"

# Every autosave the page sends from now on stays on its way: the server never answers it.
HANG_AUTOSAVES = """
const fetch = window.fetch;
window.fetch = (url, init) =>
    init && init.method && init.method.toLowerCase() === "post" && String(url).includes("/edit/")
        ? new Promise(() => {})
        : fetch(url, init);
"""


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


def test_a_submission_waits_for_an_autosave_on_its_way_but_not_for_ever(browser, draft_of_a_reporter):
    base_url, reporter, story = draft_of_a_reporter
    log_in(browser, base_url, reporter.username, PASSWORD)
    browser.get(f"{base_url}/admin/pages/{story.pk}/edit/")
    open_editor(browser)
    browser.execute_script(HANG_AUTOSAVES)

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

    story = ArticlePage.objects.get(pk=story.pk)
    assert story.workflow_in_progress and not story.live
    assert story.get_latest_revision_as_object().title == NEW_TITLE
