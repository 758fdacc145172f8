"""The StreamField blocks a story body is written in."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import RichText

from .sanitise import clean_rich_text

PARAGRAPH_FEATURES = ["bold", "italic", "link"]


class ParagraphBlock(blocks.RichTextBlock):
    """Rich text limited to bold, italic and links, sanitised again with bleach before saving."""

    def __init__(self, **kwargs):
        super().__init__(features=PARAGRAPH_FEATURES, **kwargs)

    def get_prep_value(self, value):
        # Wagtail has already turned the editor's contentstate into HTML: bleach sees the final text.
        return clean_rich_text(super().get_prep_value(value))

    def plain_text(self, value: RichText) -> str:
        return strip_tags(value.source)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "blocks/paragraph.html"


def require_alt_text(value, *, photo_field: str):
    """Alt text is checked here rather than by the field, so the editor reads why it is needed."""
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
        require_alt_text(value, photo_field="image")
        return value

    def plain_text(self, value) -> str:
        return value["caption"]

    class Meta:
        icon = "image"
        label = _("Photo")
        template = "blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Said by"), required=False, max_length=150)

    def plain_text(self, value) -> str:
        return f"{value['text']} {value['attribution']}"

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    items = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Facts"))

    def plain_text(self, value) -> str:
        return " ".join([value["title"], *value["items"]])

    class Meta:
        icon = "list-ul"
        label = _("Fact box")
        template = "blocks/fact_box.html"


class ListItemsBlock(blocks.StructBlock):
    ordered = blocks.BooleanBlock(label=_("Numbered"), required=False)
    items = blocks.ListBlock(blocks.CharBlock(max_length=500), label=_("Items"))

    def plain_text(self, value) -> str:
        return " ".join(value["items"])

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
        require_alt_text(value, photo_field="poster")
        return value

    def plain_text(self, value) -> str:
        return value["title"]

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

    def plain_text(self, stream) -> str:
        return "\n".join(child.block.plain_text(child.value) for child in stream)
