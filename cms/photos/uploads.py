"""The one door for adding a photo from code (demo content, commands): the same intake as the admin form."""

from django.core.exceptions import PermissionDenied
from wagtail.models import Collection
from wagtail.permissions import policy_registry

from ..models import Photo
from .intake import accept_photo_file


def add_photo(*, title: str, file, uploaded_by=None) -> Photo:
    """Stores ``file`` as a new photo titled ``title``, or raises PhotoRejected with the reporter's message."""
    if uploaded_by is not None and not policy_registry.get_by_type(Photo).user_has_permission(uploaded_by, "add"):
        raise PermissionDenied
    accepted = accept_photo_file(file)
    photo = Photo(
        title=title, file=accepted.as_file(), uploaded_by_user=uploaded_by, collection=Collection.get_first_root_node()
    )
    photo._set_image_file_metadata()
    photo.save()
    return photo
