"""The one search normalisation of Persian and English text, used on documents and on queries alike.

Readers and writers spell the same word several ways: Arabic or Persian yeh and kaf, with a
half-space, a space or nothing between a word and its prefix or suffix, Persian, Arabic-Indic or
Latin digits, with or without diacritics. Every form is reduced to one list of terms; the copy in
the index is made of these terms, while stored and displayed text keeps the writer's spelling.
"""

import functools
import itertools
import re
import sys
import unicodedata
from dataclasses import dataclass

from cms.persian import ARABIC_INDIC_DIGITS, LETTER_VARIANTS, PERSIAN_DIGITS

# Characters inside a word that carry no letter: joiners, direction marks, soft hyphen, BOM, tatweel.
_INVISIBLE = "\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad\u0640"


# Every non-spacing mark (harakat, superscript alef, Latin accents left after NFKC), as cms drops them.
_MARKS = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Mn"]
# One translation table, applied to whole texts at once: cms's letter variants (yeh, kaf, heh), the
# hamza seats and alef forms search also folds, digits to Latin, marks and invisible characters out.
_FOLD = str.maketrans(
    {
        **dict.fromkeys(_MARKS + list(_INVISIBLE)),
        **LETTER_VARIANTS,
        **{"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و", "ئ": "ی", "ء": None},
        **dict(zip(PERSIAN_DIGITS + ARABIC_INDIC_DIGITS, "0123456789" * 2, strict=True)),
    }
)
# Words of the original text for highlighting: letters and digits, with the marks of the scripts the
# site is written in (Latin and Arabic) and invisible characters inside them. A short class: a class
# of every mark is slow to match.
_WORD_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u08d3-\u08ff\ufe20-\ufe2f"
_WORD = re.compile(rf"(?:[^\W_]|[{_WORD_MARKS}{_INVISIBLE}])+")
_FOLDED_WORD = re.compile(r"[^\W_]+")

# Verb prefixes and noun/adjective suffixes that writers attach with a half-space, a space or nothing.
_PREFIXES = ("نمی", "می")
_SUFFIXES = ("هایی", "هایم", "هایش", "های", "ها", "ترین", "تر", "ای", "ام", "اید", "اند", "شان", "مان", "تان")
_PREFIX_GAP = re.compile(rf"(?<![^\W_])({'|'.join(_PREFIXES)})[\W_]+(?=[^\W_])")
_SUFFIX_GAP = re.compile(rf"(?<=[^\W_])[\W_]+({'|'.join(_SUFFIXES)})(?![^\W_])")
# Plural suffixes removed from joined words, only when enough of a stem is left: «کتابها» → «کتاب»
# but «تنها», «تهران» and «استان» stay as they are.
_PLURALS = ("هایی", "های", "ها")
_MIN_STEM = 3


@dataclass(frozen=True, slots=True)
class Term:
    """A normalised term and where its source words sit in the original text."""

    text: str
    start: int
    end: int


def fold(text: str) -> str:
    """One spelling: letter variants, hamza, digits, case; diacritics and invisible characters removed."""
    return unicodedata.normalize("NFKC", text).translate(_FOLD).lower()


fold_word = functools.lru_cache(maxsize=262_144)(fold)


@functools.lru_cache(maxsize=262_144)
def _strip_plural(word: str) -> str:
    for suffix in _PLURALS:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)]
    return word


def term_texts(text: str) -> list[str]:
    """The search terms of ``text``: the fast path for indexing, whole-text operations in C."""
    folded = _SUFFIX_GAP.sub(r"\1", _PREFIX_GAP.sub(r"\1", fold(text or "")))
    return [_strip_plural(word) for word in _FOLDED_WORD.findall(folded)]


def terms(text: str) -> list[Term]:
    """The same terms as ``term_texts``, each with the span of the original words it came from,
    for highlighting the writer's own spelling."""
    matches = [(fold_word(m.group()), m.start(), m.end()) for m in _WORD.finditer(text or "")]
    joined: list[list] = []
    for word, start, end in matches:
        if joined and (joined[-1][0] in _PREFIXES or word in _SUFFIXES):
            joined[-1][0], joined[-1][2] = joined[-1][0] + word, end
        elif word:
            joined.append([word, start, end])
    return [Term(_strip_plural(word), start, end) for word, start, end in joined]


# Words too common to say what a story is about; related stories look past them.
COMMON_WORDS = frozenset(
    fold("و در به از که این آن را با برای است بود شد یک تا هم اما یا نیز خود پس اگر بر می").split()
)


def normalise(text: str) -> str:
    """The index copy of ``text``: its terms separated by spaces."""
    return " ".join(term_texts(text))


def shingles(text: str) -> str:
    """Adjacent terms written together («کمال شهر» → «کمالشهر»), for compounds split by a space."""
    return " ".join(first + second for first, second in itertools.pairwise(term_texts(text)))


def query_terms(text: str, *, limit: int) -> list[str]:
    """The distinct terms of a reader's query, at most ``limit`` of them, in the order typed."""
    return list(dict.fromkeys(term_texts(text)))[:limit]


def spellings(words: list[str]) -> list[list[str]]:
    """The query as typed, then with each adjacent pair written together, for compounds that the
    story wrote as one word («کمال شهر» finds «کمال‌شهر»)."""
    joined = [[*words[:i], words[i] + words[i + 1], *words[i + 2 :]] for i in range(len(words) - 1)]
    return [words, *joined]
