"""No stored or served photo tells where it was taken or with which camera; originals and drafts stay private."""

import io

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from cms.factories import make_story
from cms.models import Photo
from cms.photos.sizes import photo_formats
from cms.photos.uploads import add_photo

from . import photo_files
from .photo_reading import exiftool_groups, fetch, has_exiftool, private_traces, served_photo_urls

PHONE_PHOTOS = {
    "JPEG with GPS in EXIF and XMP, IPTC and a comment": ("IMG_0001.jpg", photo_files.phone_jpeg, True),
    "HEIC with GPS": ("IMG_0002.heic", photo_files.phone_heic, False),
    "PNG with EXIF, XMP and text": ("map.png", photo_files.png_with_metadata, True),
    "WebP with EXIF and XMP": ("photo.webp", photo_files.webp_with_metadata, True),
}


def test_the_test_photos_really_carry_private_data():
    for name, build, _ in PHONE_PHOTOS.values():
        assert private_traces(build()), name


@pytest.fixture(params=PHONE_PHOTOS.values(), ids=PHONE_PHOTOS.keys())
def phone_photo(request, upload_photo):
    name, build, has_icc = request.param
    upload_photo(name, build())
    return Photo.objects.get(), has_icc


@pytest.fixture
def story_with_photo(neighbourhood, phone_photo):
    photo, has_icc = phone_photo
    story = make_story(neighbourhood=neighbourhood, title="بازارچه گوهردشت", lead_image=photo, lead_image_alt="غرفه‌ها")
    return story, photo, has_icc


def stored_bytes(photo: Photo) -> bytes:
    with photo.open_file() as stored:
        return stored.read()


def test_stored_original_carries_no_private_metadata(phone_photo):
    photo, _ = phone_photo

    assert private_traces(stored_bytes(photo)) == []


def test_stored_original_keeps_its_colour_profile(phone_photo):
    photo, has_icc = phone_photo
    if not has_icc:
        pytest.skip("this phone photo came without an ICC profile")

    assert Image.open(io.BytesIO(stored_bytes(photo))).info["icc_profile"] == photo_files.SRGB_PROFILE


def test_every_served_rendition_of_a_story_photo_carries_no_private_metadata(client, story_with_photo):
    story, _, has_icc = story_with_photo
    html = client.get(story.url).content.decode()

    urls = served_photo_urls(html, ".story__lead picture")
    served_formats = set()
    for url in urls:
        data = fetch(client, url)
        picture = Image.open(io.BytesIO(data))
        served_formats.add(picture.format)
        assert private_traces(data) == [], url
        if has_icc:
            assert picture.info.get("icc_profile") == photo_files.SRGB_PROFILE, url
    assert served_formats == {{"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG"}[name] for name in photo_formats()}


@pytest.mark.skipif(not has_exiftool(), reason="exiftool is installed by `make test-system-packages`")
def test_exiftool_finds_no_private_metadata_in_stored_or_served_photos(client, story_with_photo):
    story, photo, _ = story_with_photo
    html = client.get(story.url).content.decode()

    assert exiftool_groups(photo_files.phone_jpeg(size=(64, 48))) >= {"GPS", "IFD0", "ExifIFD", "XMP-exif"}
    assert exiftool_groups(stored_bytes(photo)) == set()
    for url in served_photo_urls(html, ".story__lead picture"):
        assert exiftool_groups(fetch(client, url)) == set(), url


def test_originals_live_outside_the_public_media_folder_and_have_no_url(settings, phone_photo):
    photo, _ = phone_photo

    assert not storages["default"].exists(photo.file.name)
    with pytest.raises(ValueError):
        _ = photo.file.url


def test_original_is_not_served_at_a_guessed_media_url(client, phone_photo):
    photo, _ = phone_photo

    assert client.get(f"/media/{photo.file.name}").status_code == 404
    assert client.get("/media/originals/").status_code == 404


def test_draft_story_photo_is_not_reachable_by_guessing_or_listing(client, neighbourhood, upload_photo):
    upload_photo("IMG_0003.jpg", photo_files.phone_jpeg(size=(1600, 1200)))
    photo = Photo.objects.get()
    draft = make_story(neighbourhood=neighbourhood, title="خبر منتشرنشده", lead_image=photo, publish=False)
    rendition = photo.get_rendition("width-400|format-webp")

    assert client.get(draft.url).status_code == 404
    assert client.get("/media/images/").status_code == 404
    token = rendition.file.name.removeprefix("images/").removesuffix(".webp")
    assert len(token) >= 22 and token != str(photo.pk) and not token.isdigit()
    # Wagtail would name the rendition after the original; here one name reveals nothing of the other.
    original_token = photo.file.name.removeprefix("originals/").removesuffix(".jpg")
    assert original_token not in rendition.file.name
    assert client.get(f"/media/images/{original_token}.width-400.format-webp.webp").status_code == 404


def test_photos_added_from_code_go_through_the_same_intake(db):
    photo = add_photo(title="عکس", file=SimpleUploadedFile("IMG.jpg", photo_files.phone_jpeg(size=(800, 600))))

    assert private_traces(stored_bytes(photo)) == []
    assert photo.file.name.startswith("originals/")
