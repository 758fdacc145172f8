"""Bleach rules for HTML: what editors and reporters write (only what the paragraph block offers),
and the story HTML the site sends out in feeds.

Everything else people type (titles, summaries, captions, credits, tags, bios, comments) is plain
text, stored as typed and escaped where it is shown: bleaching it would store ``&lt;`` for a typed
``<`` and show readers ``&amp;lt;`` once the template escapes it again.
"""

import re
from urllib.parse import urlsplit

import bleach
from bleach.html5lib_shim import Filter

# What Wagtail's editor writes for the paragraph block's features (bold, italic, link): the
# contentstate exporter emits <b> and <i>, never <strong> or <em>.
RICH_TEXT_TAGS = frozenset({"p", "br", "b", "i", "a"})
LINK_PROTOCOLS = frozenset({"http", "https", "mailto", "tel"})
# Links people typed point at pages the site does not vouch for; search engines and the opened
# page are told so.
EXTERNAL_LINK_REL = "nofollow ugc noopener"


def allowed_link_attribute(tag: str, name: str, value: str) -> bool:
    # Wagtail's stored form links a site page by id, <a linktype="page" id="3">, and replaces the
    # whole tag with the page's URL when it renders; any other id could clobber names in the page.
    if name == "href":
        return True  # bleach then keeps it only with one of LINK_PROTOCOLS, or none (a same-site path)
    if name == "linktype":
        return value == "page"
    if name == "id":
        return value.isdigit()
    return False


def is_external(href: str) -> bool:
    try:
        parts = urlsplit(href)
    except ValueError:
        return True
    return bool(parts.scheme or parts.netloc)


class ExternalLinkRel(Filter):
    """Sets rel on every link that leaves the site, replacing whatever rel the writer gave."""

    def __iter__(self):
        for token in super().__iter__():
            if token["type"] in ("StartTag", "EmptyTag") and token["name"] == "a":
                href = token["data"].get((None, "href"))
                if href is not None and is_external(href):
                    token["data"][(None, "rel")] = EXTERNAL_LINK_REL
            yield token


def clean_rich_text(html: str) -> str:
    """The stored form of a paragraph. Run it last, on the final text: normalising text after
    sanitising it can make markup out of harmless characters (NFKC turns a fullwidth ＜ into <)."""
    # A Cleaner per call: bleach's parser keeps state and is not safe to share between threads.
    cleaner = bleach.Cleaner(
        tags=RICH_TEXT_TAGS,
        attributes={"a": allowed_link_attribute},
        protocols=LINK_PROTOCOLS,
        strip=True,
        strip_comments=True,
        filters=[ExternalLinkRel],
    )
    return cleaner.clean(html)


# Full text in feeds: what the story body's block templates produce, minus classes, scripts and
# responsive-image attributes that feed readers ignore or strip.
FEED_TAGS = RICH_TEXT_TAGS | {
    "aside", "blockquote", "figcaption", "figure", "img", "li", "ol", "span", "ul",
}  # fmt: skip
FEED_ATTRIBUTES = {"a": ["href"], "img": ["src", "alt", "width", "height"]}
_ROOT_RELATIVE_URL = re.compile(r'(\s(?:href|src)=")/(?!/)')


def clean_feed_html(html: str, *, base_url: str) -> str:
    """Rendered story HTML, sanitised, with the site's own links made absolute for feed readers."""
    cleaner = bleach.Cleaner(
        tags=FEED_TAGS,
        attributes=FEED_ATTRIBUTES,
        protocols=LINK_PROTOCOLS,
        strip=True,
        strip_comments=True,
        filters=[ExternalLinkRel],
    )
    cleaned = cleaner.clean(html)
    return _ROOT_RELATIVE_URL.sub(lambda match: f"{match.group(1)}{base_url.rstrip('/')}/", cleaned).strip()
