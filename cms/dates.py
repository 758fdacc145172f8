"""Dates for readers: Jalali with Persian month names and digits on Persian pages, Gregorian otherwise."""

import datetime

import jdatetime
from django.utils import formats, timezone, translation

from .persian import persian_digits

JALALI_MONTHS = (
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
)
# Python's weekday(): Monday is 0.
PERSIAN_WEEKDAYS = ("دوشنبه", "سه‌شنبه", "چهارشنبه", "پنج‌شنبه", "جمعه", "شنبه", "یکشنبه")


def _local(value: datetime.date | datetime.datetime) -> datetime.date | datetime.datetime:
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def jalali_date(value: datetime.date | datetime.datetime, *, with_weekday: bool = True) -> str:
    """«دوشنبه ۲۷ اسفند ۱۴۰۳» for 17 March 2025 (in the site's time zone)."""
    value = _local(value)
    day = value.date() if isinstance(value, datetime.datetime) else value
    jalali = jdatetime.date.fromgregorian(date=day, locale=jdatetime.FA_LOCALE)  # no lookup of the process locale
    text = f"{jalali.day} {JALALI_MONTHS[jalali.month - 1]} {jalali.year}"
    if with_weekday:
        text = f"{PERSIAN_WEEKDAYS[day.weekday()]} {text}"
    return persian_digits(text)


def reader_date(value: datetime.date | datetime.datetime | None, *, with_time: bool = False) -> str:
    """The date as the active UI language shows it, optionally with the local time."""
    if value is None:
        return ""
    value = _local(value)
    persian = translation.get_language() == "fa"
    text = jalali_date(value) if persian else formats.date_format(value, "l j F Y")
    if with_time and isinstance(value, datetime.datetime):
        clock = value.strftime("%H:%M")
        text = f"{text}، {persian_digits(clock)}" if persian else f"{text}, {clock}"
    return text
