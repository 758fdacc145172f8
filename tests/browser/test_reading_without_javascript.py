"""With JavaScript switched off, a reader still reaches a story, sees its photo and switches language."""

import pytest
from selenium.webdriver.common.by import By

from .chromium import fresh_profile_dir, start_chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(scope="module")
def browser_without_javascript():
    with fresh_profile_dir() as profile:
        driver = start_chromium(profile, javascript=False)
        driver.get("data:text/html,<title>plain</title><script>document.title = 'scripted'</script>")
        assert driver.title == "plain", "JavaScript should be off in this browser"
        yield driver
        driver.quit()


def test_reader_without_javascript_reaches_a_story_and_reads_it_in_english(browser_without_javascript, reader_site):
    browser = browser_without_javascript
    browser.get(reader_site.url("/"))
    browser.find_element(By.XPATH, "//section[@class='strip']/h2/a[.='گوهردشت']").click()
    browser.find_element(By.LINK_TEXT, reader_site.story.title).click()
    assert browser.find_element(By.CSS_SELECTOR, "main h1").text == reader_site.story.title
    assert browser.find_element(By.CSS_SELECTOR, ".story__lead img").is_displayed()
    assert browser.find_element(By.CSS_SELECTOR, ".video__link").get_dom_attribute("href").startswith("https://")

    browser.find_element(By.CSS_SELECTOR, "a.language-switch").click()
    assert browser.find_element(By.TAG_NAME, "html").get_dom_attribute("lang") == "en"
    assert browser.find_element(By.CSS_SELECTOR, "main h1").text == reader_site.story.title
