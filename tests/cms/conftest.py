"""Fixtures for the public site: one media folder per module (data built once per class keeps its
photos), a photographed story, stories a reader must never see through any door (a draft, a
private story, unpublished edits), and an editor with the admin's upload door."""

import shutil

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from wagtail.models import Collection, PageViewRestriction

from cms.factories import make_photo, make_story
from cms.models import ArticlePage


@pytest.fixture(scope="module", autouse=True)
def media_root(tmp_path_factory):
    # Overrides the per-test fixture in tests/conftest.py: photos created in setUpTestData (before
    # any per-test fixture runs) must stay readable by every test of the class, or renditions fail.
    folder = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=folder):
        yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def lead_photo(db):
    return make_photo(title="عکس بازارچه", seed=7)


@pytest.fixture
def photographed_story(neighbourhood, reporter, lead_photo):
    return make_story(
        neighbourhood=neighbourhood,
        title="سرویس مدرسه‌های گوهردشت از مهر رایگان شد",
        summary="شورای شهر کرج هزینه سرویس دانش‌آموزان دبستانی را می‌پردازد.",
        reporters=[reporter],
        tags=["مدرسه"],
        lead_image=lead_photo,
        lead_image_alt="دانش‌آموزان کنار سرویس مدرسه",
    )


@pytest.fixture
def hidden_stories(neighbourhood, reporter):
    """A never-published draft, a password-protected story and a live story with unpublished edits,
    each with its own photo and a marker word that must never appear in public output."""
    draft = make_story(
        neighbourhood=neighbourhood,
        title="DRAFTMARKER پیش‌نویس",
        reporters=[reporter],
        lead_image=make_photo(title="DRAFTPHOTO", seed=11),
    )
    draft.unpublish()
    private = make_story(
        neighbourhood=neighbourhood,
        title="PRIVATEMARKER خبر خصوصی",
        reporters=[reporter],
        lead_image=make_photo(title="PRIVATEPHOTO", seed=12),
    )
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    edited = make_story(neighbourhood=neighbourhood, title="خبر منتشرشده", reporters=[reporter])
    editing = ArticlePage.objects.get(pk=edited.pk)
    editing.title = "REVISIONMARKER ویرایش منتشرنشده"
    editing.summary = "REVISIONMARKER"
    editing.save_revision()
    return {"draft": draft, "private": private, "edited": edited}


HIDDEN_MARKERS = ("DRAFTMARKER", "PRIVATEMARKER", "REVISIONMARKER", "DRAFTPHOTO", "PRIVATEPHOTO")


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("sardabir", "sardabir@example.com", "mahalleh-demo")


@pytest.fixture
def admin_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def upload_photo(admin_client):
    """Posts one file to the admin's "add photo" form, as a reporter's browser does."""

    def upload(name: str, data: bytes, *, title: str = "بازارچه گوهردشت"):
        return admin_client.post(
            "/admin/images/add/",
            {
                "title": title,
                "file": SimpleUploadedFile(name, data),
                "collection": Collection.get_first_root_node().pk,
            },
        )

    return upload
