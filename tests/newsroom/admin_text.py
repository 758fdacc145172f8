"""The interface text of an admin page as a person meets it: what it shows, what screen readers say, and
the labels of the menus its JavaScript draws; and which of it is still English."""

import json
import re

from bs4 import BeautifulSoup, NavigableString

# Attributes that reach people: tooltips, screen-reader labels, placeholders, image descriptions, and the
# labels a button shows while it works.
SPOKEN_ATTRIBUTES = (
    "title",
    "aria-label",
    "aria-description",
    "placeholder",
    "alt",
    "data-w-tooltip-content-value",
    "data-w-progress-active-value",
    "data-w-progress-label-value",
)
BUTTON_INPUTS = ("submit", "button", "reset")
SIDEBAR_TEXT_KEYS = ("label", "footer_text")
NOT_TEXT = ("script", "style", "svg", "code")
NOT_INTERFACE = ", ".join(
    [
        # Time zone names (Asia/Tehran, UTC) are identifiers from the IANA database, shown as they are.
        "select[name$=current_time_zone]",
        # Each language is named in itself (English, فارسی), so that its readers find it.
        "select[name$=preferred_language]",
        # A count, hidden while empty, in which Wagtail writes "None".
        "[data-side-panel-toggle-counter]",
        # Wagtail 8.0.1 writes these two in English into its templates, with no msgid to translate: the
        # dashboard search's submit button (shown to screen readers only) and the header's actions label.
        ".w-sr-only > input[type=submit][value=Search]",
        # The date picker Wagtail bundles has its own translations (Persian months and days); its
        # hidden "Save Selected" button is not among them.
        ".xdsoft_datetimepicker",
    ]
)
HARD_CODED_LABELS = {"#w-slim-header-buttons": "aria-label"}

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
ADDRESS = re.compile(r"\S*(?:://|www\.|\.com\b|@)\S*")
# Words that stay Latin in Persian text: file formats and units in the project's own photo help, the
# names printed on keyboard keys (in the list of shortcuts), and Wagtail's name.
NOT_ENGLISH = {"JPEG", "PNG", "WebP", "HEIC", "SVG", "MB", "KB", "GB", "Ctrl", "Alt", "Shift", "Esc", "Wagtail"}


def sidebar_labels(page: BeautifulSoup) -> list[str]:
    """The menu labels of the sidebar, which the admin's JavaScript draws from a JSON description."""
    found = []

    def collect(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key in SIDEBAR_TEXT_KEYS and isinstance(item, str):
                    found.append(item)
                else:
                    collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    props = page.select_one("script#wagtail-sidebar-props")
    if props:
        collect(json.loads(props.string))
    return found


def interface_text(html: str) -> list[str]:
    page = BeautifulSoup(html, "html.parser")
    texts = sidebar_labels(page)
    for element in [*page.find_all(NOT_TEXT), *page.select(NOT_INTERFACE)]:
        element.decompose()
    for selector, attribute in HARD_CODED_LABELS.items():
        for element in page.select(selector):
            del element[attribute]
    # <template> holds text that the page shows later (Wagtail's "autosave is paused" note).
    for template in page.find_all("template"):
        template.unwrap()
    # Only text: the doctype and comments are strings to BeautifulSoup too.
    texts += [text.strip() for text in page.find_all(string=True) if type(text) is NavigableString and text.strip()]
    for element in page.find_all(True):
        texts += [element[name] for name in SPOKEN_ATTRIBUTES if element.get(name, "").strip()]
        if element.name == "input" and element.get("type") in BUTTON_INPUTS and element.get("value"):
            texts.append(element["value"])
    return [" ".join(text.split()) for text in texts]


def is_english(text: str) -> bool:
    words = LATIN_WORD.findall(ADDRESS.sub(" ", text))
    return any(word not in NOT_ENGLISH for word in words)


def english_in(html: str) -> list[str]:
    return sorted({text for text in interface_text(html) if is_english(text)})
