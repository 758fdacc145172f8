"""Pages go out gzipped to the browsers that take it (nearly all): many readers are on slow,
filtered networks, and a story's HTML, Persian text in UTF-8, shrinks to about a fifth.

Rendered answers are compressed by Django's GZipMiddleware (with its padding against BREACH, as a
page for a signed-in editor carries secrets). A kept page is compressed once, when it is kept
(store.keep), and kept gzipped only: every cached answer reads the whole kept value from Redis,
and the home page, 180 KB plain, is 26 KB gzipped.
"""

import gzip

from django.middleware.gzip import GZipMiddleware, re_accepts_gzip

# Photos, fonts and archives are compressed already; compressing them again only costs CPU.
COMPRESSIBLE_TYPES = (
    "text/",
    "application/json",
    "application/ld+json",
    "application/manifest+json",
    "application/javascript",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "image/svg+xml",
)
# As GZipMiddleware: a shorter answer is not worth compressing.
SHORTEST_COMPRESSED = 200


def is_compressible(content_type: str) -> bool:
    return content_type.startswith(COMPRESSIBLE_TYPES)


def accepts_gzip(accept_encoding: str) -> bool:
    return bool(re_accepts_gzip.search(accept_encoding))


def gzipped(content: bytes, headers: dict[str, str]) -> bytes | None:
    """A page to keep, gzipped; None when it is not worth it."""
    if len(content) < SHORTEST_COMPRESSED or not is_compressible(headers.get("Content-Type", "")):
        return None
    compressed = gzip.compress(content, compresslevel=6, mtime=0)
    return compressed if len(compressed) < len(content) else None


def gzipped_headers(headers: dict[str, str]) -> dict[str, str]:
    """A page's headers for its gzipped copy, as GZipMiddleware answers."""
    compressed_headers = {**headers, "Content-Encoding": "gzip"}
    # Another representation of the same page: its ETag is weak (RFC 9110 §8.8.1).
    etag = headers.get("ETag", "")
    if etag.startswith('"'):
        compressed_headers["ETag"] = "W/" + etag
    return compressed_headers


class TextGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware, for text only."""

    def process_response(self, request, response):
        if not is_compressible(response.get("Content-Type", "")):
            return response
        return super().process_response(request, response)
