"""The Persian catalogue is complete: `make test` refreshes it from the code first (`make messages`),
so a UI string added without a translation fails here."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "fa" / "LC_MESSAGES" / "django.po"
# Persian for Wagtail's and Django's own strings, which overrides their catalogues.
UPSTREAM_CATALOGUE = Path(settings.BASE_DIR) / "locale" / "upstream" / "fa" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\w+\}")


@pytest.fixture(scope="module")
def catalogue():
    return polib.pofile(str(CATALOGUE))


@pytest.fixture(scope="module", params=[CATALOGUE, UPSTREAM_CATALOGUE], ids=["project", "upstream"])
def any_catalogue(request):
    return polib.pofile(str(request.param))


def test_every_ui_string_has_a_persian_translation(catalogue):
    missing = [entry.msgid for entry in catalogue if not entry.obsolete and not entry.translated()]
    assert missing == []


def test_translations_keep_every_placeholder(any_catalogue):
    broken = [
        entry.msgid
        for entry in any_catalogue.translated_entries()
        for translation in (entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr])
        if sorted(set(PLACEHOLDER.findall(entry.msgid))) != sorted(set(PLACEHOLDER.findall(translation)))
    ]
    assert broken == []


def test_translations_use_persian_letters_not_arabic_variants(any_catalogue):
    arabic_variants = [
        entry.msgid
        for entry in any_catalogue.translated_entries()
        for translation in (entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr])
        if re.search("[يك]", translation)
    ]
    assert arabic_variants == []
