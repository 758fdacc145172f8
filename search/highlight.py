"""Highlighted snippets in the writer's own spelling, escaped: the one place search output becomes HTML.

Matching uses the same normalisation as the index (search/normalise.py), so «كتاب‌ها» in a story is
marked for the query «کتاب»; everything between marks is escaped, so story text can never inject HTML.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .normalise import term_texts, terms

SNIPPET_CHARS = 240
# Matches are looked for this far into a story only: enough for a snippet, and quick on long stories.
SNIPPET_SCAN_CHARS = 2_000
ELLIPSIS = "…"
_SENTENCE_END = re.compile(r"[.!?؟؛\n]+\s*")


def _marked(text: str, spans: list[tuple[int, int]]) -> SafeString:
    parts, position = [], 0
    for start, end in spans:
        parts.append(escape(text[position:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))


def matching_spans(text: str, words: set[str]) -> list[tuple[int, int]]:
    return [(term.start, term.end) for term in terms(text) if term.text in words]


def highlight(text: str, words: set[str]) -> SafeString:
    """The whole ``text``, escaped, with the words of the query marked."""
    return _marked(text, matching_spans(text, words) if words else [])


def _sentences(text: str):
    """(start, end) of each sentence of ``text``, punctuation included."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        yield start, match.end()
        start = match.end()
    if start < len(text):
        yield start, len(text)


def _spans_from_first_match(text: str, words: set[str], length: int) -> list[tuple[int, int]]:
    """The matches a snippet can show: from the first one to ``length`` characters past it.

    Sentences are skipped by their terms alone (search/normalise.py's whole-text passes), and
    matches with their spans are worked out from the first matching sentence on: doing that word
    by word for the whole text was most of a results page's work."""
    for start, end in _sentences(text):
        if words.isdisjoint(term_texts(text[start:end])):
            continue
        window_end = text.find(" ", end + length)
        window = text[start:] if window_end == -1 else text[start:window_end]
        spans = matching_spans(window, words)
        if spans:
            return [(a + start, b + start) for a, b in spans]
    return []


def snippet(text: str, words: set[str], *, length: int = SNIPPET_CHARS) -> SafeString:
    """About ``length`` characters of ``text`` around its first match, escaped, matches marked."""
    spans = _spans_from_first_match(text[:SNIPPET_SCAN_CHARS], words, length) if words else []
    start = max(0, spans[0][0] - length // 3) if spans else 0
    if start:
        # Begin at a word boundary rather than inside a word.
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + length)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    shown = [(a - start, b - start) for a, b in spans if a >= start and b <= end]
    marked = _marked(text[start:end], shown)
    return mark_safe((ELLIPSIS if start else "") + marked + (ELLIPSIS if end < len(text) else ""))
