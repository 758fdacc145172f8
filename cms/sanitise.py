"""Bleach rules for HTML that editors and reporters write: only what the paragraph block offers."""

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
