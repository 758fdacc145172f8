"""The renditions each place on the site shows a photo at, in the formats browsers can choose from.

One table serves both the templates (``{% photo %}``) and the background task that makes the
renditions ahead of readers, so the two can never disagree.
"""

from dataclasses import dataclass
from functools import cache

from PIL import features
from wagtail.images.models import Filter


@dataclass(frozen=True)
class PhotoSize:
    spec: str
    sizes: str


PHOTO_SIZES = {
    "story_lead": PhotoSize("width-{400,800,1200}", "(min-width: 50em) 48em, 100vw"),
    "card_lead": PhotoSize("fill-{480x270,800x450,1200x675}", "(min-width: 60em) 40em, 100vw"),
    "card": PhotoSize("fill-{320x180,640x360}", "(min-width: 60em) 17rem, (min-width: 40em) 45vw, 7.5rem"),
    "body": PhotoSize("width-{400,800}", "(min-width: 50em) 48em, 100vw"),
    "video_poster": PhotoSize("fill-{400x225,800x450}", "(min-width: 50em) 48em, 100vw"),
    "reporter": PhotoSize("fill-{160x160,320x320}", "160px"),
    "avatar": PhotoSize("fill-{64x64,128x128}", "64px"),
}
# A story's lead photo appears on its page and as a card in lists (lead card on the front page).
LEAD_PHOTO_ROLES = ("story_lead", "card_lead", "card")


@cache
def photo_formats() -> tuple[str, ...]:
    """Smallest first, ending with JPEG, the fallback every browser shows; AVIF only if Pillow can write it."""
    return ("avif", "webp", "jpeg") if features.check("avif") else ("webp", "jpeg")


@cache
def rendition_filters(role: str) -> tuple[Filter, ...]:
    """The role's specs as Wagtail filters, parsed once per process rather than on every page."""
    return tuple(Filter(spec=spec) for spec in rendition_specs(role))


def rendition_specs(role: str) -> list[str]:
    """Every filter spec for one role, e.g. ``width-400|format-webp``, widths ascending within each format."""
    formats = "{" + ",".join(photo_formats()) + "}"
    return Filter.expand_spec([PHOTO_SIZES[role].spec, f"format-{formats}"])
