"""The site's own image model, so that photo handling can grow without swapping models later."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image

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


class Photo(AbstractImage):
    admin_form_fields = Image.admin_form_fields

    class Meta(AbstractImage.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")


class PhotoRendition(AbstractRendition):
    image = models.ForeignKey(Photo, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
