"""With JavaScript on, the story's copy-link button appears and tells the reader what happened."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_copy_link_button_appears_and_reports_the_copy(browser, reader_site):
    browser.get(reader_site.url(reader_site.story.url))
    box = browser.find_element(By.CSS_SELECTOR, "[data-copy-link]")
    button = box.find_element(By.CSS_SELECTOR, "[data-copy-link-button]")
    assert button.is_displayed()

    button.click()
    status = box.find_element(By.CSS_SELECTOR, "[data-copy-link-status]")
    WebDriverWait(browser, 10).until(lambda _driver: status.text.strip())
    # Headless Chromium may refuse clipboard access; the reader is then asked to copy by hand.
    assert status.text.strip() in {
        box.get_dom_attribute("data-copied-message"),
        box.get_dom_attribute("data-failed-message"),
    }
    assert box.find_element(By.CSS_SELECTOR, "[data-copy-link-url]").get_property("value") == reader_site.url(
        reader_site.story.url
    )
