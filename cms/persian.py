"""Persian text rules shared by slugs, dates and numbers: one normal form for letters and digits."""

import unicodedata

from django.utils.text import slugify

ZWNJ = "\u200c"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"

_TO_PERSIAN_DIGITS = str.maketrans("0123456789" + ARABIC_INDIC_DIGITS, PERSIAN_DIGITS * 2)
_TO_LATIN_DIGITS = str.maketrans(PERSIAN_DIGITS + ARABIC_INDIC_DIGITS, "0123456789" * 2)
# Arabic letter forms that Persian keyboards and copied news text produce for the same letter.
LETTER_VARIANTS = {"ي": "ی", "ى": "ی", "ك": "ک", "ۀ": "ه", "ة": "ه", "ـ": None}
_LETTER_VARIANTS = str.maketrans(LETTER_VARIANTS)


def persian_digits(text: object) -> str:
    return str(text).translate(_TO_PERSIAN_DIGITS)


def latin_digits(text: object) -> str:
    return str(text).translate(_TO_LATIN_DIGITS)


def normalise_letters(text: str) -> str:
    """Fold letter variants and drop diacritics (harakat), keeping the half-space as it is."""
    text = unicodedata.normalize("NFC", text).translate(_LETTER_VARIANTS)
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn")


def persian_slugify(text: str) -> str:
    """The one slug rule for pages, tags and anything else with a Persian URL.

    Persian letters are kept; letter variants, diacritics and digits are folded to one form, and
    the half-space becomes a hyphen, as a space does, so that «می‌روم» and «می روم» share a slug.
    """
    text = latin_digits(normalise_letters(text)).replace(ZWNJ, " ").replace("\u200d", "")
    return slugify(text, allow_unicode=True)
