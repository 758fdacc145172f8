"""The site's own image model, so that photo handling can grow without swapping models later."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image

# Renditions for readers who meet a photo outside the site: link previews (OpenGraph, Twitter cards,
# feed media) at the 1.91:1 size the platforms crop to, and the 1:1, 4:3 and 16:9 versions search
# engines ask for in structured data.
SHARE_RENDITION = "fill-1200x630"
SEARCH_RENDITIONS = ("fill-1200x1200", "fill-1200x900", "fill-1200x675")


class Photo(AbstractImage):
    admin_form_fields = Image.admin_form_fields

    class Meta(AbstractImage.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")


class PhotoRendition(AbstractRendition):
    image = models.ForeignKey(Photo, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
