"""Fixtures for the photo tests: an editor logged in to the admin and the upload door they use."""

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Collection


@pytest.fixture(autouse=True)
def forget_cached_renditions():
    # Wagtail caches renditions by photo id; ids are reused once a test's rows are rolled back.
    cache.clear()
    yield
    cache.clear()


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
