"""Readers get small modern formats with a JPEG fallback, made in the background before anyone asks."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from cms.factories import make_story, paragraph_blocks
from cms.models import Photo, PhotoRendition
from cms.models.images import SEARCH_RENDITIONS, SHARE_RENDITION
from cms.photos.sizes import LEAD_PHOTO_ROLES, photo_formats, rendition_specs
from cms.photos.uploads import add_photo

from . import photo_files

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def new_photo(title: str) -> Photo:
    return add_photo(title=title, file=SimpleUploadedFile("p.jpg", photo_files.phone_jpeg(size=(1600, 1200))))


def specs_for(*roles: str) -> set[str]:
    return {spec for role in roles for spec in rendition_specs(role)}


# Real commits: the worker, like production's, checks its connection between tasks.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_uploading_a_photo_queues_its_lead_renditions_for_the_worker(settings, upload_photo):
    settings.TASKS = DATABASE_TASKS
    upload_photo("IMG_0001.jpg", photo_files.phone_jpeg(size=(1600, 1200)))
    photo = Photo.objects.get()

    assert not photo.renditions.exists(), "the upload itself did not wait for renditions"
    assert DBTaskResult.objects.filter(task_path="cms.photos.renditions.make_photo_renditions").count() == 1

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    assert set(photo.renditions.values_list("filter_spec", flat=True)) == specs_for(*LEAD_PHOTO_ROLES) | {
        SHARE_RENDITION,
        *SEARCH_RENDITIONS,
    }


def test_publishing_a_story_makes_renditions_for_its_body_photos_and_video_posters(
    neighbourhood, django_capture_on_commit_callbacks
):
    body_photo, poster = new_photo("ورودی بازارچه"), new_photo("پوستر")
    PhotoRendition.objects.all().delete()
    body = [
        *paragraph_blocks(["بازارچه از شنبه باز است."]),
        ("image", {"image": body_photo, "alt": "ورودی", "caption": "", "credit": ""}),
        ("video", {"url": "https://www.aparat.com/v/abc", "title": "گزارش", "poster": poster, "alt": "پوستر"}),
    ]

    with django_capture_on_commit_callbacks(execute=True):
        make_story(neighbourhood=neighbourhood, title="بازارچه", body=body)

    assert set(body_photo.renditions.values_list("filter_spec", flat=True)) == specs_for("body")
    assert set(poster.renditions.values_list("filter_spec", flat=True)) == specs_for("video_poster")


def test_reader_of_a_published_story_waits_for_no_rendition(client, neighbourhood, django_capture_on_commit_callbacks):
    photo = new_photo("غرفه‌ها")
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story(neighbourhood=neighbourhood, title="بازارچه", lead_image=photo, lead_image_alt="غرفه‌ها")
    made_before_reading = PhotoRendition.objects.count()

    assert client.get(story.url).status_code == 200
    assert client.get(neighbourhood.url).status_code == 200
    assert PhotoRendition.objects.count() == made_before_reading


@pytest.mark.parametrize(("selector", "widths"), [(".story__lead picture", ["400w", "800w", "1200w"])])
def test_story_page_offers_modern_formats_with_a_jpeg_fallback(client, neighbourhood, selector, widths):
    photo = new_photo("غرفه‌ها")
    story = make_story(neighbourhood=neighbourhood, title="بازارچه", lead_image=photo, lead_image_alt="غرفه‌ها")

    picture = BeautifulSoup(client.get(story.url).content, "html.parser").select_one(selector)

    source_types = [source["type"] for source in picture.find_all("source")]
    assert source_types == [f"image/{name}" for name in photo_formats() if name != "jpeg"]
    for element in [*picture.find_all("source"), picture.img]:
        assert [candidate.split()[-1] for candidate in element["srcset"].split(", ")] == widths
    assert picture.img["src"].endswith(".jpg")
    assert picture.img["alt"] == "غرفه‌ها"
    assert picture.img["fetchpriority"] == "high"


def test_a_photo_narrower_than_the_largest_size_is_offered_once_at_each_width(client, neighbourhood):
    photo = add_photo(title="کوچک", file=SimpleUploadedFile("p.jpg", photo_files.phone_jpeg(size=(700, 525))))
    story = make_story(neighbourhood=neighbourhood, title="بازارچه", lead_image=photo, lead_image_alt="غرفه‌ها")

    picture = BeautifulSoup(client.get(story.url).content, "html.parser").select_one(".story__lead picture")

    for element in [*picture.find_all("source"), picture.img]:
        assert [candidate.split()[-1] for candidate in element["srcset"].split(", ")] == ["400w", "700w"]


def test_story_cards_offer_modern_formats_too(client, neighbourhood):
    photo = new_photo("غرفه‌ها")
    make_story(neighbourhood=neighbourhood, title="بازارچه", lead_image=photo, lead_image_alt="غرفه‌ها")

    pictures = BeautifulSoup(client.get(neighbourhood.url).content, "html.parser").select(".story-card picture")

    assert pictures
    for picture in pictures:
        assert picture.find("source", type="image/webp")
        assert picture.img["src"].endswith(".jpg")
