"""The StreamField blocks a story body is written in."""

import html
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import expand_db_html

from .sanitise import clean_rich_text

PARAGRAPH_FEATURES = ["bold", "italic", "link"]
# Paragraph HTML is sanitised (cms/sanitise.py): tags are well formed, text never holds a bare «<»,
# and only <p> and <br> break lines. Quoted attribute values may hold «>».
_ATTRIBUTES = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
_BREAKING_TAG = re.compile(rf"</?(?:p|br)\b{_ATTRIBUTES}>")
_TAG = re.compile(rf"<{_ATTRIBUTES}>")


def html_text(source: str) -> str:
    """The text of sanitised rich text: tags out (block tags become line breaks), entities decoded."""
    return html.unescape(_TAG.sub("", _BREAKING_TAG.sub("\n", source)))


def list_items(stored) -> list[str]:
    """The items of a ListBlock as stored: Wagtail writes ``{"type": "item", "value": ...}`` entries
    (older data holds the values alone)."""
    return [item["value"] if isinstance(item, dict) else item for item in stored or []]


class ParagraphBlock(blocks.RichTextBlock):
    """Rich text limited to bold, italic and links, sanitised again with bleach before saving."""

    def __init__(self, **kwargs):
        super().__init__(features=PARAGRAPH_FEATURES, **kwargs)

    def get_prep_value(self, value):
        # Wagtail has already turned the editor's contentstate into HTML: bleach sees the final text.
        return clean_rich_text(super().get_prep_value(value))

    def plain_text(self, stored: str) -> str:
        return html_text(stored)

    def render_basic(self, value, context=None):
        # As Wagtail's ``richtext`` filter renders it, without the block template and the filter's
        # own template, which both print the HTML unchanged: two template renders per paragraph.
        return mark_safe(expand_db_html(value.source))

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")


def require_alt_text(block, value, *, photo_field: str):
    """Alt text is checked here rather than by the field, so the editor reads why it is needed. A draft
    may go without it (Wagtail defers validation when saving one): the story is kept while the reporter
    writes on, and the check comes with submitting or publishing."""
    if block.is_deferred_validation:
        return
    if value.get(photo_field) and not (value.get("alt") or "").strip():
        raise StructBlockValidationError(
            block_errors={"alt": ValidationError(_("Describe this photo for readers who cannot see it."))}
        )


class PhotoRenditionsInApiMixin:
    """In the read API, a chosen photo is its id with rendition URLs, not a bare id that the images
    endpoint (which lists only lead photos and portraits) could not resolve."""

    photo_fields: tuple[str, ...] = ()

    def get_api_representation(self, value, context=None):
        from .models.images import BODY_RENDITIONS, rendition_urls  # cms.models imports this module

        representation = super().get_api_representation(value, context)
        request = (context or {}).get("request")
        for name in self.photo_fields:
            if value[name] and request is not None:
                representation[name] = {
                    "id": value[name].pk,
                    "renditions": rendition_urls(value[name], BODY_RENDITIONS, request),
                }
        return representation


class ImageBlock(PhotoRenditionsInApiMixin, blocks.StructBlock):
    photo_fields = ("image",)

    image = ImageChooserBlock(label=_("Photo"))
    alt = blocks.CharBlock(
        label=_("Alt text"),
        required=False,
        max_length=250,
        help_text=_("What the photo shows, for readers who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=120)

    def clean(self, value):
        value = super().clean(value)
        require_alt_text(self, value, photo_field="image")
        return value

    def plain_text(self, stored: dict) -> str:
        return stored.get("caption") or ""

    class Meta:
        icon = "image"
        label = _("Photo")
        template = "blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Said by"), required=False, max_length=150)

    def plain_text(self, stored: dict) -> str:
        return f"{stored.get('text') or ''} {stored.get('attribution') or ''}"

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    items = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Facts"))

    def plain_text(self, stored: dict) -> str:
        return " ".join([stored.get("title") or "", *list_items(stored.get("items"))])

    class Meta:
        icon = "list-ul"
        label = _("Fact box")
        template = "blocks/fact_box.html"


class ListItemsBlock(blocks.StructBlock):
    ordered = blocks.BooleanBlock(label=_("Numbered"), required=False)
    items = blocks.ListBlock(blocks.CharBlock(max_length=500), label=_("Items"))

    def plain_text(self, stored: dict) -> str:
        return " ".join(list_items(stored.get("items")))

    class Meta:
        icon = "list-ol"
        label = _("List")
        template = "blocks/list.html"


def validate_video_host(url: str) -> None:
    host = (urlsplit(url).hostname or "").lower()
    if urlsplit(url).scheme != "https" or host not in settings.VIDEO_HOSTS:
        raise ValidationError(
            _("Videos can only come from these sites: %(hosts)s"),
            params={"hosts": "، ".join(sorted(settings.VIDEO_HOSTS))},
        )


class VideoBlock(PhotoRenditionsInApiMixin, blocks.StructBlock):
    """A link to a video on an allowed host, shown with a locally stored poster.

    Nothing is loaded from the video host until the reader follows the link: many readers are on
    filtered, slow networks, and an embedded player would load third-party scripts.
    """

    photo_fields = ("poster",)
    url = blocks.URLBlock(label=_("Video address"), validators=[validate_video_host])
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    poster = ImageChooserBlock(label=_("Poster"))
    alt = blocks.CharBlock(label=_("Alt text"), required=False, max_length=250)

    def clean(self, value):
        value = super().clean(value)
        require_alt_text(self, value, photo_field="poster")
        return value

    def plain_text(self, stored: dict) -> str:
        return stored.get("title") or ""

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video.html"


class StoryBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    facts = FactBoxBlock()
    list = ListItemsBlock()
    video = VideoBlock()

    def plain_text(self, stream: StreamValue) -> str:
        return self.stored_plain_text(stream.raw_data)

    def stored_plain_text(self, stored: Iterable[dict]) -> str:
        """The text of a body as stored (its JSON), read without building block values: photo
        choosers would fetch their photos, and indexing reads every story.

        Each child block's ``plain_text`` likewise reads its stored value."""
        blocks = self.child_blocks
        return "\n".join(blocks[item["type"]].plain_text(item["value"]) for item in stored if item["type"] in blocks)
