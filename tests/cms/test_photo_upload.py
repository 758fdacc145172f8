"""Reporters upload photos in the admin: phone formats come out upright and small; hostile files are refused."""

import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils.html import escape
from PIL import Image
from wagtail.users.models import UserProfile

from cms.models import Photo
from cms.photos.intake import PhotoRejected, accept_photo_file
from cms.photos.uploads import add_photo

from . import photo_files


def stored_picture(photo: Photo) -> Image.Image:
    with photo.open_file() as stored:
        return Image.open(io.BytesIO(stored.read()))


@pytest.mark.parametrize(
    ("name", "build", "stored_format"),
    [
        ("IMG_0001.JPG", photo_files.phone_jpeg, "JPEG"),
        ("IMG_0002.HEIC", photo_files.phone_heic, "JPEG"),
        ("screenshot.png", photo_files.png_with_metadata, "PNG"),
        ("photo.webp", photo_files.webp_with_metadata, "WEBP"),
    ],
)
def test_reporter_can_upload_a_phone_photo_in_each_accepted_format(upload_photo, name, build, stored_format):
    response = upload_photo(name, build())

    assert response.status_code == 302
    assert stored_picture(Photo.objects.get()).format == stored_format


def test_photo_keeps_its_persian_title_but_is_stored_under_a_generated_name(upload_photo):
    upload_photo("عکس بازارچه.jpg", photo_files.phone_jpeg(size=(800, 600)), title="بازارچه مشاغل خانگی")

    photo = Photo.objects.get()
    assert photo.title == "بازارچه مشاغل خانگی"
    stored_name = photo.file.name.split("/")[-1]
    assert stored_name.isascii()
    assert "بازارچه" not in photo.file.name and "عکس" not in photo.file.name
    assert len(stored_name.removesuffix(".jpg")) >= 22


def test_two_uploads_of_the_same_file_get_different_stored_names(upload_photo):
    data = photo_files.phone_jpeg(size=(640, 480))
    upload_photo("a.jpg", data)
    upload_photo("a.jpg", data)

    first, second = Photo.objects.order_by("pk")
    assert first.file.name != second.file.name


def test_portrait_phone_photo_comes_out_upright(upload_photo):
    # Orientation 6: the camera stored the picture on its side; the viewer must turn it clockwise.
    upload_photo("portrait.jpg", photo_files.phone_jpeg(size=(400, 300), orientation=6))

    picture = stored_picture(Photo.objects.get()).convert("RGB")
    assert picture.size == (300, 400)
    red, _, blue = picture.getpixel((225, 200))
    assert red > 150 and blue < 100, "the top of the scene (red) should now be on the right"
    red, _, blue = picture.getpixel((75, 200))
    assert blue > 150 and red < 100


def test_large_photo_is_scaled_down_to_the_configured_long_side(upload_photo):
    upload_photo("big.jpg", photo_files.phone_jpeg(size=(4000, 3000)))

    photo = Photo.objects.get()
    assert (photo.width, photo.height) == (2560, 1920)
    assert stored_picture(photo).size == (2560, 1920)


@override_settings(PHOTO_LONG_SIDE=1000)
def test_long_side_is_configurable(upload_photo):
    upload_photo("big.jpg", photo_files.phone_jpeg(size=(3000, 1500)))

    assert stored_picture(Photo.objects.get()).size == (1000, 500)


def test_small_photo_keeps_its_size(upload_photo):
    upload_photo("small.jpg", photo_files.phone_jpeg(size=(640, 480)))

    assert stored_picture(Photo.objects.get()).size == (640, 480)


HOSTILE_FILES = [
    ("empty.jpg", lambda: b"", "empty"),
    ("bomb.png", lambda: photo_files.png_claiming_size(100_000, 100_000), "too_many_pixels"),
    ("frames.png", lambda: photo_files.animation_with_frames(frames=45), "too_many_pixels"),
    ("long.png", lambda: photo_files.png_claiming_size(20_000, 1_000), "too_long"),
    ("text.png", photo_files.png_with_giant_text, "damaged"),
    ("truncated.jpg", photo_files.truncated_jpeg, "damaged"),
    ("corrupt.jpg", photo_files.corrupt_jpeg, "damaged"),
    ("page.jpg", lambda: photo_files.HTML, "not_a_photo"),
    ("drawing.jpg", lambda: photo_files.SVG, "svg"),
    ("drawing.svg", lambda: photo_files.SVG, "svg"),
    ("archive.jpg", photo_files.zip_archive, "not_a_photo"),
    ("polyglot.jpg", photo_files.jpeg_with_zip_appended, "polyglot"),
    ("script.jpg", photo_files.jpeg_with_script_comment, "polyglot"),
    ("really-a-png.jpg", lambda: photo_files.png_with_metadata(size=(64, 64)), "mismatch"),
    ("animation.gif", lambda: photo_files.encoded(Image.new("RGB", (8, 8)), "GIF"), "extension"),
    ("strip.png", photo_files.thin_strip, "thin_strip"),
]


@pytest.mark.parametrize(("name", "build", "reason"), HOSTILE_FILES, ids=[case[0] for case in HOSTILE_FILES])
def test_hostile_or_broken_file_is_refused_with_a_clear_message_and_the_form_kept(upload_photo, name, build, reason):
    response = upload_photo(name, build(), title="عکس خیابان")

    assert response.status_code == 200
    (error,) = response.context["form"].errors.as_data()["file"]
    assert error.code == reason
    assert escape(error.messages[0]) in response.content.decode()
    assert response.context["form"]["title"].value() == "عکس خیابان"
    assert not Photo.objects.exists()


@override_settings(PHOTO_MAX_UPLOAD_BYTES=20_000)
def test_file_over_the_size_limit_is_refused(upload_photo):
    response = upload_photo("big.jpg", photo_files.phone_jpeg(size=(2000, 1500)))

    (error,) = response.context["form"].errors.as_data()["file"]
    assert error.code == "too_large"
    assert not Photo.objects.exists()


def test_persian_admin_shows_the_refusal_on_the_upload_form(upload_photo, editor):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "fa"
    profile.save()

    response = upload_photo("drawing.svg", photo_files.SVG)

    html = response.content.decode()
    assert 'lang="fa"' in html
    (error,) = response.context["form"].errors.as_data()["file"]
    assert escape(error.messages[0]) in html


def test_multiple_upload_refuses_a_hostile_file_with_its_message(admin_client):
    response = admin_client.post(
        "/admin/images/multiple/add/", {"files[]": SimpleUploadedFile("page.jpg", photo_files.HTML)}
    )

    with pytest.raises(PhotoRejected) as refusal:
        accept_photo_file(SimpleUploadedFile("page.jpg", photo_files.HTML))
    assert response.json()["success"] is False
    assert response.json()["error_message"] == refusal.value.messages[0]
    assert not Photo.objects.exists()


def test_multiple_upload_titles_the_photo_with_its_persian_file_name(admin_client):
    admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("بازارچه گوهردشت.jpg", photo_files.phone_jpeg(size=(640, 480)))},
    )

    photo = Photo.objects.get()
    assert photo.title.startswith("بازارچه گوهردشت")
    assert "بازارچه" not in photo.file.name


def test_someone_without_photo_permission_cannot_add_a_photo(django_user_model):
    outsider = django_user_model.objects.create_user("outsider", password="x")

    with pytest.raises(PermissionDenied):
        add_photo(
            title="عکس", file=SimpleUploadedFile("a.jpg", photo_files.phone_jpeg(size=(64, 48))), uploaded_by=outsider
        )
    assert not Photo.objects.exists()
