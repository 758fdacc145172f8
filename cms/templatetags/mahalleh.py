"""Template helpers for reading in Persian or English: dates, digits and the language switch."""

from django import template
from django.urls import translate_url
from django.utils import translation

from ..dates import reader_date
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


@register.inclusion_tag("components/language_switch.html", takes_context=True)
def language_switch(context):
    request = context.get("request")
    current = translation.get_language()
    other = "en" if current == "fa" else "fa"
    path = request.get_full_path() if request else "/"
    return {"other_language": other, "other_url": translate_url(path, other)}
