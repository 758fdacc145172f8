"""Template helpers for reading in Persian or English: dates, digits, the language switch and content language."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.encoding import iri_to_uri
from django.utils.html import format_html

from ..dates import reader_date
from ..languages import path_in_language
from ..persian import persian_digits

register = template.Library()


@register.filter(name="reader_date")
def reader_date_filter(value):
    return reader_date(value)


@register.filter
def reader_datetime(value):
    return reader_date(value, with_time=True)


@register.filter
def local_digits(value):
    """Persian digits on Persian pages; unchanged on English ones."""
    return persian_digits(value) if translation.get_language() == "fa" else str(value)


@register.simple_tag(takes_context=True)
def language_switch(context):
    """A link to the page in the other UI language, named in that language."""
    request = context.get("request")
    other = "en" if translation.get_language() == "fa" else "fa"
    if request is None:
        other_url = translate_url("/", other)
    else:
        query = request.META.get("QUERY_STRING", "")
        other_url = path_in_language(request, other) + (f"?{iri_to_uri(query)}" if query else "")
    info = translation.get_language_info(other)
    return format_html(
        '<a class="language-switch" href="{}" lang="{}" hreflang="{}">{}</a>',
        other_url,
        info["code"],
        info["code"],
        info["name_local"],
    )


@register.simple_tag
def content_lang():
    """``lang`` and ``dir`` for text the newsroom writes (always Persian) on pages whose interface is not,
    so screen readers switch voice and the text runs right to left (WCAG 3.1.2, language of parts)."""
    if translation.get_language() == settings.LANGUAGE_CODE:
        return ""
    info = translation.get_language_info(settings.LANGUAGE_CODE)
    return format_html(' lang="{}" dir="{}"', info["code"], "rtl" if info["bidi"] else "ltr")
