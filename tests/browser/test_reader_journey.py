"""A reader in headless Chromium goes from the front page to a story, then reads it in English and back."""

import pytest
from selenium.webdriver.common.by import By

from .chromium import DESKTOP_WIDTH, PHONE_WIDTH, save_full_page_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def page_language(browser) -> tuple[str, str]:
    html = browser.find_element(By.TAG_NAME, "html")
    return html.get_attribute("lang"), html.get_attribute("dir")


def main_heading(browser) -> str:
    return browser.find_element(By.CSS_SELECTOR, "main h1").text


def screenshot_at_both_widths(browser, name: str) -> None:
    for width in (PHONE_WIDTH, DESKTOP_WIDTH):
        save_full_page_screenshot(browser, name, width)


def test_reader_goes_from_front_page_to_a_story_and_reads_it_in_english_and_back(browser, reader_site):
    browser.get(reader_site.url("/"))
    assert page_language(browser) == ("fa", "rtl")
    assert reader_site.story.title in browser.find_element(By.TAG_NAME, "main").text
    screenshot_at_both_widths(browser, "home")

    browser.find_element(By.XPATH, "//section[@class='strip']/h2/a[.='گوهردشت']").click()
    assert main_heading(browser) == "گوهردشت"
    assert "محله‌ای در شمال غرب کرج." in browser.find_element(By.TAG_NAME, "main").text
    screenshot_at_both_widths(browser, "neighbourhood")

    browser.find_element(By.LINK_TEXT, reader_site.story.title).click()
    assert page_language(browser) == ("fa", "rtl")
    assert main_heading(browser) == reader_site.story.title
    assert "دوشنبه ۲۷ اسفند ۱۴۰۳" in browser.find_element(By.CSS_SELECTOR, ".story__meta time").text
    lead_photo = browser.find_element(By.CSS_SELECTOR, ".story__lead img")
    assert lead_photo.get_attribute("alt") == "زنان فروشنده پشت غرفه‌های بازارچه"
    assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth", lead_photo) > 0
    screenshot_at_both_widths(browser, "story")

    browser.find_element(By.CSS_SELECTOR, "a.language-switch").click()
    assert page_language(browser) == ("en", "ltr")
    assert browser.current_url.startswith(reader_site.url("/en/"))
    assert main_heading(browser) == reader_site.story.title
    title = browser.find_element(By.CSS_SELECTOR, "main h1")
    assert (title.get_attribute("lang"), title.get_attribute("dir")) == ("fa", "rtl")
    assert "Monday 17 March 2025" in browser.find_element(By.CSS_SELECTOR, ".story__meta time").text
    screenshot_at_both_widths(browser, "story-en")

    switch_back = browser.find_element(By.CSS_SELECTOR, "a.language-switch")
    assert switch_back.text == "فارسی"
    switch_back.click()
    assert page_language(browser) == ("fa", "rtl")
    assert not browser.current_url.startswith(reader_site.url("/en/"))
    assert main_heading(browser) == reader_site.story.title
