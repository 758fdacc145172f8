"""An editor deletes a photo from the admin: it is gone, and so is its private original."""

from pathlib import Path

from django.conf import settings

from cms.factories import make_photo
from cms.models import Photo


def test_deleting_a_photo_in_the_admin_removes_it_and_its_original(admin_client, django_capture_on_commit_callbacks):
    photo = make_photo(title="عکسی که باید برود", seed=7, size=(320, 180))
    original = Path(settings.PHOTO_ORIGINALS_ROOT) / photo.file.name
    assert original.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/images/{photo.pk}/delete/")
    assert response.status_code == 302
    assert not Photo.objects.filter(pk=photo.pk).exists()
    assert not original.exists()
