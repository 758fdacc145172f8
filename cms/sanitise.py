"""Bleach rules for HTML: what editors and reporters write (only what the paragraph block offers),
and the story HTML the site sends out in feeds."""

import re

import bleach

RICH_TEXT_TAGS = frozenset({"p", "br", "b", "strong", "i", "em", "a"})
# Wagtail's stored rich-text format links pages by id: <a linktype="page" id="3">.
RICH_TEXT_ATTRIBUTES = {"a": ["href", "linktype", "id"]}
RICH_TEXT_PROTOCOLS = frozenset({"http", "https", "mailto"})


def clean_rich_text(html: str) -> str:
    return bleach.clean(
        html,
        tags=RICH_TEXT_TAGS,
        attributes=RICH_TEXT_ATTRIBUTES,
        protocols=RICH_TEXT_PROTOCOLS,
        strip=True,
    )


# Full text in feeds: what the story body's block templates produce, minus classes, scripts and
# responsive-image attributes that feed readers ignore or strip.
FEED_TAGS = RICH_TEXT_TAGS | {
    "aside", "blockquote", "figcaption", "figure", "img", "li", "ol", "span", "ul",
}  # fmt: skip
FEED_ATTRIBUTES = {"a": ["href"], "img": ["src", "alt", "width", "height"]}
_ROOT_RELATIVE_URL = re.compile(r'(\s(?:href|src)=")/(?!/)')


def clean_feed_html(html: str, *, base_url: str) -> str:
    """Rendered story HTML, sanitised, with the site's own links made absolute for feed readers."""
    cleaned = bleach.clean(html, tags=FEED_TAGS, attributes=FEED_ATTRIBUTES, protocols=RICH_TEXT_PROTOCOLS, strip=True)
    return _ROOT_RELATIVE_URL.sub(lambda match: f"{match.group(1)}{base_url.rstrip('/')}/", cleaned).strip()
