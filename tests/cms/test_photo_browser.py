"""In a real browser, a story's lead photo arrives in a modern format, upright and sized for the screen."""

import shutil

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cms.factories import make_story
from cms.photos.uploads import add_photo
from tests.browser.chromium import fresh_profile_dir, set_screen_width, start_chromium

from . import photo_files

pytestmark = pytest.mark.skipif(not shutil.which("chromedriver"), reason="needs Debian's chromium-driver")


@pytest.fixture
def browser():
    with fresh_profile_dir() as profile:
        driver = start_chromium(profile)
        set_screen_width(driver, 360)
        yield driver
        driver.quit()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_phone_reader_gets_the_lead_photo_in_a_modern_format(live_server, browser, neighbourhood):
    photo = add_photo(title="غرفه‌ها", file=SimpleUploadedFile("IMG.jpg", photo_files.phone_jpeg(size=(3000, 2000))))
    story = make_story(neighbourhood=neighbourhood, title="بازارچه", lead_image=photo, lead_image_alt="غرفه‌ها")

    browser.get(live_server.url + story.url)
    lead = browser.find_element("css selector", ".story__lead img")
    browser.execute_script("return arguments[0].decode()", lead)

    current = browser.execute_script("return arguments[0].currentSrc", lead)
    assert not current.endswith(".jpg"), "a browser that reads AVIF or WebP should not fetch the JPEG fallback"
    assert browser.execute_script("return arguments[0].naturalWidth", lead) <= 1200
    assert lead.get_attribute("alt") == "غرفه‌ها"
