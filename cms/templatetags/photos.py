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
    return mark_safe(Picture(renditions, {"sizes": PHOTO_SIZES[role].sizes, **attrs}).__html__())
