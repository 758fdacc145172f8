"""``{% photo image "role" alt=... %}``: a <picture> with AVIF/WebP sources and a JPEG fallback at the role's sizes."""

from django import template
from django.utils.safestring import mark_safe
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

from ..photos.sizes import PHOTO_SIZES, rendition_filters

register = template.Library()


@register.simple_tag
def photo(image, role: str, **attrs):
    if not image:
        return ""
    renditions = get_renditions_or_not_found(image, rendition_filters(role))
    return mark_safe(Picture(distinct_widths(renditions), {"sizes": PHOTO_SIZES[role].sizes, **attrs}).__html__())


def distinct_widths(renditions: dict) -> dict:
    """One rendition per format and width. A photo narrower than a role's larger sizes is not
    enlarged, so a 700-pixel photo has two 700-pixel renditions for 800 and 1200; the same width
    twice in a srcset is invalid HTML, and the browser ignores one."""
    seen = set()
    distinct = {}
    for spec, rendition in renditions.items():
        shown_as = (spec.rpartition("format-")[2], rendition.width)
        if shown_as not in seen:
            seen.add(shown_as)
            distinct[spec] = rendition
    return distinct
