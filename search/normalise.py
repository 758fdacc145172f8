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
# cms's letter variants (yeh, kaf, heh), the hamza seats and alef forms search also folds, digits to Latin.
_LETTERS = {
    **{variant: letter or "" for variant, letter in LETTER_VARIANTS.items()},
    **{"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و", "ئ": "ی", "ء": ""},
    **dict(zip(PERSIAN_DIGITS + ARABIC_INDIC_DIGITS, "0123456789" * 2, strict=True)),
}
# The whole fold as one translation table: letters as above, marks and invisible characters out.
_FOLD = str.maketrans({**dict.fromkeys(_MARKS + list(_INVISIBLE)), **_LETTERS})


def _regex_class(characters: list[str]) -> str:
    """A regex character class of ``characters``, as ranges of consecutive code points."""
    points = sorted(map(ord, characters))
    runs = [[points[0], points[0]]]
    for point in points[1:]:
        if point == runs[-1][1] + 1:
            runs[-1][1] = point
        else:
            runs.append([point, point])
    return "[" + "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in runs) + "]"


# str.translate looks every character up in a dict, slower than all the rest of indexing together;
# the same fold is faster as one regex pass deleting marks, then a replace for each letter present.
# Python's regex engine tests a class of BMP characters in a bitmap, but a class reaching past U+FFFF
# range by range, so the rare text with such characters takes the translation table.
_DROPPED = re.compile(_regex_class([c for c in _MARKS + list(_INVISIBLE) if ord(c) <= 0xFFFF]) + "+")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")

# Words of the original text for highlighting: letters and digits, with the marks of the scripts the
# site is written in (Latin and Arabic) and invisible characters inside them. A short class: a class
# of every mark is slow to match.
_WORD_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u08d3-\u08ff\ufe20-\ufe2f"
_WORD = re.compile(rf"(?:[^\W_]|[{_WORD_MARKS}{_INVISIBLE}])+")

# Verb prefixes and noun/adjective suffixes that writers attach with a half-space, a space or nothing.
_PREFIXES = ("نمی", "می")
_SUFFIXES = ("هایی", "هایم", "هایش", "های", "ها", "ترین", "تر", "ای", "ام", "اید", "اند", "شان", "مان", "تان")
# Plural suffixes removed from joined words, only when enough of a stem is left: «کتابها» → «کتاب»
# but «تنها», «تهران» and «استان» stay as they are.
_PLURALS = ("هایی", "های", "ها")
_MIN_STEM = 3

# Indexing works on whole texts, a few regex passes each, never word by word in Python. The passes
# after the first see words separated by single spaces, with a space at each end.
# Every run of non-word characters, except the single space that most often separates two words:
_SEPARATORS = re.compile(r"(?:[^\w ]|_)[\W_]*| [\W_]+")
# The space after a prefix or before a suffix, removed to join them to their word. Each alternative
# starts with the space, so that the regex engine only tries at spaces.
_AFTER_PREFIX = "|".join(f"(?<= {prefix} )" for prefix in _PREFIXES)
_GAPS = re.compile(rf" (?:{_AFTER_PREFIX}|(?=(?:{'|'.join(_SUFFIXES)}) ))")
# A plural suffix ending a word, after at least _MIN_STEM letters. Written with «ها» first so that the
# regex engine looks for it, instead of trying a look-behind at every position.
_PLURAL_END = re.compile(rf"ها(?<=\S{{{_MIN_STEM}}}ها)(?:یی|ی)?(?= )")


@dataclass(frozen=True, slots=True)
class Term:
    """A normalised term and where its source words sit in the original text."""

    text: str
    start: int
    end: int


def fold(text: str) -> str:
    """One spelling: letter variants, hamza, digits, case; diacritics and invisible characters removed."""
    text = unicodedata.normalize("NFKC", text)
    if _ASTRAL.search(text):
        return text.translate(_FOLD).lower()
    text = _DROPPED.sub("", text)
    for variant, letter in _LETTERS.items():
        if variant in text:
            text = text.replace(variant, letter)
    return text.lower()


fold_word = functools.lru_cache(maxsize=262_144)(fold)


@functools.lru_cache(maxsize=262_144)
def _strip_plural(word: str) -> str:
    for suffix in _PLURALS:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)]
    return word


def term_texts(text: str) -> list[str]:
    """The search terms of ``text``."""
    return normalise(text).split()


def terms(text: str) -> list[Term]:
    """The same terms as ``normalise``, each with the span of the original words it came from,
    for highlighting the writer's own spelling."""
    matches = [(fold_word(m.group()), m.start(), m.end()) for m in _WORD.finditer(text or "")]
    joined: list[list] = []
    previous = ""
    for word, start, end in matches:
        if not word:
            continue
        if joined and (previous in _PREFIXES or word in _SUFFIXES):
            joined[-1][0], joined[-1][2] = joined[-1][0] + word, end
        else:
            joined.append([word, start, end])
        previous = word
    return [Term(_strip_plural(word), start, end) for word, start, end in joined]


# Words too common to say what a story is about; related stories look past them.
COMMON_WORDS = frozenset(
    fold("و در به از که این آن را با برای است بود شد یک تا هم اما یا نیز خود پس اگر بر می").split()
)


def normalise(text: str) -> str:
    """The index copy of ``text``: its terms separated by spaces."""
    spaced = _SEPARATORS.sub(" ", fold(text or "")).strip()
    return _PLURAL_END.sub("", _GAPS.sub("", f" {spaced} ")).strip()


def shingles(words: list[str]) -> str:
    """Adjacent terms written together («کمال شهر» → «کمالشهر»), for compounds split by a space."""
    return " ".join(first + second for first, second in itertools.pairwise(words))


def query_terms(text: str, *, limit: int) -> list[str]:
    """The distinct terms of a reader's query, at most ``limit`` of them, in the order typed."""
    return list(dict.fromkeys(term_texts(text)))[:limit]


def spellings(words: list[str]) -> list[list[str]]:
    """The query as typed, then with each adjacent pair written together, for compounds that the
    story wrote as one word («کمال شهر» finds «کمال‌شهر»)."""
    joined = [[*words[:i], words[i] + words[i + 1], *words[i + 2 :]] for i in range(len(words) - 1)]
    return [words, *joined]
