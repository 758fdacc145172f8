"""Every kind of public page passes axe-core's serious and critical checks, fits a phone and can be used
from the keyboard."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from .chromium import (
    DESKTOP_WIDTH,
    PHONE_WIDTH,
    axe_violations,
    describe_violations,
    horizontal_overflow,
    set_screen_width,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def every_kind_of_page(site) -> dict[str, str]:
    return {
        "front page": "/",
        "neighbourhood": site.neighbourhood.url,
        "story": site.story.url,
        "story in English": "/en" + site.story.url,
        "topic": site.topic.get_url(),
        "tag": site.tag.get_url(),
        "reporter": site.reporter.get_url(),
        "front page in English": "/en/",
        "missing page": "/no-such-page/",
    }


def test_no_page_has_serious_accessibility_violations_on_a_phone_or_a_desktop(browser, reader_site):
    report = []
    for name, path in every_kind_of_page(reader_site).items():
        browser.get(reader_site.url(path))
        for width in (PHONE_WIDTH, DESKTOP_WIDTH):
            set_screen_width(browser, width)
            if violations := axe_violations(browser):
                report.append(f"== {name} ({path}) at {width}px\n{describe_violations(violations)}")
    assert not report, "axe-core found serious or critical problems:\n" + "\n".join(report)


def test_no_page_scrolls_sideways_on_a_360px_screen(browser, reader_site):
    set_screen_width(browser, PHONE_WIDTH)
    too_wide = {}
    for name, path in every_kind_of_page(reader_site).items():
        browser.get(reader_site.url(path))
        if overflow := horizontal_overflow(browser):
            too_wide[name] = f"{overflow}px wider than the screen"
    assert not too_wide


def test_every_photo_declares_its_size_and_photos_below_a_phone_screen_load_lazily(browser, reader_site):
    set_screen_width(browser, PHONE_WIDTH)
    problems = {}
    for name, path in every_kind_of_page(reader_site).items():
        browser.get(reader_site.url(path))
        if found := browser.execute_script(PHOTO_PROBLEMS):
            problems[name] = found
    assert not problems


PHOTO_PROBLEMS = """
const fold = window.innerHeight;
return [...document.images].flatMap(img => {
    const name = img.currentSrc.split("/").pop();
    const problems = [];
    if (!img.getAttribute("width") || !img.getAttribute("height")) problems.push(`${name} has no width/height`);
    if (img.getBoundingClientRect().top > fold && img.loading !== "lazy") problems.push(`${name} is not lazy`);
    return problems;
});
"""


def test_skip_link_is_the_first_stop_for_the_keyboard_and_leads_to_the_content(browser, reader_site):
    browser.get(reader_site.url(reader_site.story.url))
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    skip_link = browser.switch_to.active_element
    assert skip_link.get_attribute("href").endswith("#main")
    assert skip_link.is_displayed() and skip_link.rect["y"] >= 0
    skip_link.send_keys(Keys.ENTER)
    assert browser.switch_to.active_element.get_attribute("id") == "main"
