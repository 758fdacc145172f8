"""The site's own image model: originals kept private under generated names, renditions public."""

import os
import secrets

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image, WagtailImageField, get_upload_to

from ..photos.sizes import rendition_specs
from ..photos.storages import photo_original_storage

STORED_EXTENSIONS = {".jpg", ".png", ".webp", ".avif", ".gif"}


def unguessable_name(folder: str, filename: str) -> str:
    """A random 128-bit name that keeps only the file's extension: nothing of what the reporter typed."""
    extension = os.path.splitext(filename)[1].lower()
    return f"{folder}/{secrets.token_urlsafe(16)}{extension if extension in STORED_EXTENSIONS else ''}"


# Renditions for readers who meet a photo outside the site: link previews (OpenGraph, Twitter cards,
# feed media) at the 1.91:1 size the platforms crop to, and the 1:1, 4:3 and 16:9 versions search
# engines ask for in structured data.
SHARE_RENDITION = "fill-1200x630"
SEARCH_RENDITIONS = ("fill-1200x1200", "fill-1200x900", "fill-1200x675")
# Sizes the read API offers for photos inside a story body.
BODY_RENDITIONS = ("width-400", "width-800", "width-1200")


def rendition_urls(photo, specs, request) -> dict:
    """Absolute URL and size of each rendition, keyed by filter spec, for machine readers."""
    return {
        spec: {"url": request.build_absolute_uri(rendition.url), "width": rendition.width, "height": rendition.height}
        for spec, rendition in photo.get_renditions(*specs).items()
    }


def renditions_for(*roles: str, extra=()) -> Prefetch:
    """Prefetches a lead photo's renditions for these roles only, not the dozens every photo has."""
    specs = [spec for role in roles for spec in rendition_specs(role)]
    return Prefetch("lead_image__renditions", queryset=PhotoRendition.objects.filter(filter_spec__in=[*specs, *extra]))


class Photo(AbstractImage):
    # Same field as Wagtail's, in a storage without public URLs (cms/photos/storages.py).
    file = WagtailImageField(
        verbose_name=_("file"),
        upload_to=get_upload_to,
        width_field="width",
        height_field="height",
        storage=photo_original_storage,
    )

    admin_form_fields = Image.admin_form_fields

    class Meta(AbstractImage.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def get_upload_to(self, filename: str) -> str:
        return unguessable_name("originals", filename)


class PhotoRendition(AbstractRendition):
    image = models.ForeignKey(Photo, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

    def get_upload_to(self, filename: str) -> str:
        # Wagtail derives rendition names from the original's; a fresh random name per rendition means
        # one published rendition URL reveals nothing about any other.
        return unguessable_name("images", filename)
