"""A story's whole way through the newsroom on a 360 px phone, in the Persian admin: a reporter writes it
with a photo and submits it, the desk editor asks for a change, the reporter fixes it, the editor approves
it, and a reader finds it on the neighbourhood page."""

from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from cms.factories import make_neighbourhood
from cms.models import ArticlePage
from newsroom.roles import setup_newsroom
from tests.cms.photo_files import phone_jpeg
from tests.newsroom.admin_text import english_in
from tests.newsroom.conftest import PASSWORD, make_desk_editor, make_reporter_login

from .chromium import (
    PHONE_WIDTH,
    cut_off_at_the_sides,
    horizontal_overflow,
    save_full_page_screenshot,
    set_screen_width,
)
from .wagtail_admin import (
    click,
    click_text,
    footer_action,
    log_in,
    log_out,
    open_editor,
    open_sidebar_menu,
    shown,
    submit_workflow_dialog,
    wait_for,
    wait_for_shown,
    wait_until_autosaved,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "آب‌گرفتگی کوچه‌های گوهردشت پس از باران"
SUMMARY = "باران دیشب سه کوچه را زیر آب برد."
FIRST_DRAFT = "ساکنان کوچه بهار از صبح آب را با سطل بیرون می‌ریزند."
FIX = "شهرداری منطقه می‌گوید جوی‌ها تا آخر هفته لایروبی می‌شود."
EDITORS_NOTE = "پاسخ شهرداری را هم بپرسید."
PHOTO_TITLE = "#id_image-chooser-upload-title"
APPROVE_WITHOUT_COMMENT = "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"


@pytest.fixture
def newsroom_on_a_phone(browser, live_server, tmp_path):
    gohardasht = make_neighbourhood(title="گوهردشت", description="محله‌ای در شمال غرب کرج.")
    make_neighbourhood(title="مهرشهر")
    setup_newsroom()
    reporter = make_reporter_login("zahra", [gohardasht])
    editor = make_desk_editor("dabir", [gohardasht])
    for user, (first_name, last_name) in {reporter: ("زهرا", "احمدی"), editor: ("مریم", "کریمی")}.items():
        user.first_name, user.last_name = first_name, last_name
        user.save()
    reporter.reporter_profile.display_name = "زهرا احمدی"
    reporter.reporter_profile.save()
    photo = tmp_path / "kooche.jpg"
    photo.write_bytes(phone_jpeg(size=(1600, 1200)))
    set_screen_width(browser, PHONE_WIDTH)
    yield live_server.url, gohardasht, reporter, editor, photo
    log_out(browser)


def screenshot(browser, name: str) -> None:
    save_full_page_screenshot(browser, f"newsroom-{name}", PHONE_WIDTH)


def assert_fits_the_phone(browser, where: str) -> None:
    assert horizontal_overflow(browser) == 0, f"{where} scrolls sideways"
    cut_off = cut_off_at_the_sides(browser)
    assert not cut_off, f"{where} cuts content off at the sides: {cut_off}"


def assert_speaks_persian(browser, where: str) -> None:
    """Nothing the page shows, including what its JavaScript drew, is still in English."""
    english = english_in(browser.page_source)
    assert not english, f"{where} shows English: {english}"


def story_text(browser) -> str:
    return browser.find_element(By.CSS_SELECTOR, "[data-contentpath=body]").text


def write_the_story(browser, photo: Path) -> None:
    browser.find_element(By.ID, "id_title").send_keys(TITLE)
    browser.find_element(By.ID, "id_summary").send_keys(SUMMARY)

    click(browser, browser.find_element(By.CSS_SELECTOR, "#id_lead_image-chooser [data-chooser-action-choose]"))
    click(browser, wait_for_shown(browser, ".modal #tab-label-upload"))
    browser.find_element(By.ID, "id_image-chooser-upload-file").send_keys(str(photo))
    # The title is filled in from the file name first; the reporter then writes a better one.
    photo_title = wait_for(browser, lambda d: [f for f in shown(d, PHOTO_TITLE) if f.get_attribute("value")])[0]
    photo_title.clear()
    photo_title.send_keys("کوچه بهار زیر آب")
    click(browser, browser.find_element(By.CSS_SELECTOR, ".modal [data-chooser-modal-creation-form] [type=submit]"))
    wait_for(browser, lambda d: d.find_element(By.ID, "id_lead_image").get_attribute("value"))
    browser.find_element(By.ID, "id_lead_image_alt").send_keys("کوچه‌ای که آب تا زانو در آن بالا آمده")

    click(browser, browser.find_element(By.CSS_SELECTOR, "[data-contentpath=body] .c-sf-add-button"))
    click_text(browser, ".w-combobox__option", "بند")
    paragraph = wait_for_shown(browser, "[data-contentpath=body] [contenteditable=true]")
    click(browser, paragraph)
    paragraph.send_keys(FIRST_DRAFT)
    click(browser, browser.find_element(By.CSS_SELECTOR, "input[name=topics]"))


def test_a_story_goes_from_a_reporters_phone_through_review_to_readers(browser, newsroom_on_a_phone):
    base_url, gohardasht, reporter, editor, photo = newsroom_on_a_phone

    # The reporter logs in and starts a story in her neighbourhood from the admin's menu.
    log_in(browser, base_url, reporter.username, PASSWORD)
    html = browser.find_element(By.TAG_NAME, "html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("fa", "rtl")
    screenshot(browser, "01-reporter-dashboard")
    open_sidebar_menu(browser, "صفحه‌ها")
    click_text(browser, "#wagtail-sidebar a", gohardasht.title)
    wait_for(browser, lambda d: d.current_url.endswith(f"/admin/pages/{gohardasht.pk}/"))
    click(browser, wait_for_shown(browser, f"header a[href$='/pages/{gohardasht.pk}/add_subpage/']"))
    open_editor(browser)
    assert_fits_the_phone(browser, "the new-story form")

    write_the_story(browser, photo)
    wait_until_autosaved(browser, FIRST_DRAFT)
    assert_fits_the_phone(browser, "the filled-in story form")
    assert_speaks_persian(browser, "the filled-in story form")
    screenshot(browser, "02-story-written")
    click(browser, footer_action(browser, "button[name=action-submit]"))
    wait_for(browser, lambda d: d.current_url.endswith(f"/admin/pages/{gohardasht.pk}/"))
    assert_fits_the_phone(browser, "the neighbourhood's page list")
    assert_speaks_persian(browser, "the neighbourhood's page list")
    screenshot(browser, "03-submitted")
    story = ArticlePage.objects.get(title=TITLE)
    assert story.workflow_in_progress and not story.live
    assert story.lead_image.title == "کوچه بهار زیر آب"

    # Readers do not see it before the desk has approved it.
    log_out(browser)
    browser.get(base_url + gohardasht.url)
    assert TITLE not in browser.find_element(By.TAG_NAME, "main").text

    # The desk editor finds it in the review queue and asks for a change.
    log_in(browser, base_url, editor.username, PASSWORD)
    click_text(browser, "[id^=newsroom-desk-queue] a", TITLE)
    wait_for_shown(browser, "#id_title")
    assert FIRST_DRAFT in story_text(browser)
    assert_speaks_persian(browser, "the story under review")
    click(browser, footer_action(browser, "button[data-workflow-action-name=reject]"))
    submit_workflow_dialog(browser, EDITORS_NOTE)
    wait_for(browser, lambda d: "/edit/" not in d.current_url)
    screenshot(browser, "04-changes-requested")

    # The reporter reads the note on her dashboard, adds what was asked and sends the story again.
    log_out(browser)
    log_in(browser, base_url, reporter.username, PASSWORD)
    notes = wait_for_shown(browser, "[id^=newsroom-notifications]")
    assert EDITORS_NOTE in notes.text
    assert_speaks_persian(browser, "the reporter's dashboard")
    screenshot(browser, "05-reporter-reads-the-note")
    click_text(browser, "#changes-requested a", TITLE)
    open_editor(browser)
    paragraph = wait_for_shown(browser, "[data-contentpath=body] [contenteditable=true]")
    click(browser, paragraph)
    paragraph.send_keys(" " + FIX)
    wait_until_autosaved(browser, FIX)
    assert_fits_the_phone(browser, "the story's edit form")
    click(browser, footer_action(browser, "button[name=action-submit]"))
    wait_for(browser, lambda d: "/edit/" not in d.current_url)

    # The editor approves the fixed story, which publishes it.
    log_out(browser)
    log_in(browser, base_url, editor.username, PASSWORD)
    click_text(browser, "[id^=newsroom-desk-queue] a", TITLE)
    wait_for_shown(browser, "#id_title")
    assert FIX in story_text(browser)
    click(browser, footer_action(browser, APPROVE_WITHOUT_COMMENT))
    wait_for(browser, lambda d: "/edit/" not in d.current_url)
    story.refresh_from_db()
    assert story.live

    # A reader finds it on the neighbourhood page, with the fix and the photo.
    log_out(browser)
    browser.get(base_url + gohardasht.url)
    click(browser, browser.find_element(By.LINK_TEXT, TITLE))
    story_page = browser.find_element(By.TAG_NAME, "main")
    assert FIX in story_page.text
    lead_photo = browser.find_element(By.CSS_SELECTOR, ".story__lead img")
    assert lead_photo.get_attribute("alt") == "کوچه‌ای که آب تا زانو در آن بالا آمده"
    screenshot(browser, "06-published")
