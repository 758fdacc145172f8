"""The admin's photo upload form: every uploaded file goes through the photo intake before it is stored."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from .intake import accept_photo_file, accepted_formats_text

CONTENT_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}


class PhotoFileField(WagtailImageField):
    """Wagtail's image field with the site's own checks: the cleaned value is the safe re-encoded photo."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.help_text = _("A photo in %(formats)s, up to %(size)s.") % {
            "formats": accepted_formats_text(),
            "size": self.max_upload_size_text,
        }

    def to_python(self, data):
        if data in self.empty_values:
            return None
        if not hasattr(data, "read"):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        accepted = accept_photo_file(data)
        return SimpleUploadedFile(
            f"photo.{accepted.extension}", accepted.content, content_type=CONTENT_TYPES[accepted.extension]
        )


class PhotoForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail builds the field through its own callback; keep its widget and label, swap the checks.
        if "file" in self.fields:
            wagtail_field = self.fields["file"]
            self.fields["file"] = PhotoFileField(
                label=wagtail_field.label, required=wagtail_field.required, widget=wagtail_field.widget
            )
