"""Jalali dates for Persian readers (cms/dates.py): month names, digits, Nowruz, leap years and Tehran time."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from cms.dates import jalali_date, reader_date

TEHRAN = ZoneInfo("Asia/Tehran")


def test_seed_story_time_is_monday_27_esfand_1403():
    assert jalali_date(datetime(2025, 3, 17, 13, 36, tzinfo=TEHRAN)) == "دوشنبه ۲۷ اسفند ۱۴۰۳"


@pytest.mark.parametrize(
    ("gregorian", "jalali"),
    [
        (date(2025, 3, 20), "پنج‌شنبه ۳۰ اسفند ۱۴۰۳"),
        (date(2025, 3, 21), "جمعه ۱ فروردین ۱۴۰۴"),
        (date(2024, 3, 19), "سه‌شنبه ۲۹ اسفند ۱۴۰۲"),
        (date(2024, 3, 20), "چهارشنبه ۱ فروردین ۱۴۰۳"),
        (date(2026, 3, 20), "جمعه ۲۹ اسفند ۱۴۰۴"),
        (date(2026, 3, 21), "شنبه ۱ فروردین ۱۴۰۵"),
    ],
    ids=[
        "leap-1403-ends-on-30-esfand",
        "nowruz-1404",
        "1402-ends-on-29-esfand",
        "nowruz-1403",
        "1404-ends-on-29-esfand",
        "nowruz-1405",
    ],
)
def test_year_turns_at_nowruz_and_esfand_has_30_days_only_in_leap_years(gregorian, jalali):
    assert jalali_date(gregorian) == jalali


def test_month_boundary_inside_the_year():
    assert jalali_date(date(2025, 12, 21), with_weekday=False) == "۳۰ آذر ۱۴۰۴"
    assert jalali_date(date(2025, 12, 22), with_weekday=False) == "۱ دی ۱۴۰۴"


def test_every_weekday_has_its_persian_name():
    week = [jalali_date(date(2025, 3, day)).split(" ")[0] for day in range(15, 22)]
    assert week == ["شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنج‌شنبه", "جمعه"]


def test_utc_evening_before_nowruz_is_already_the_new_year_in_tehran():
    quarter_past_midnight_in_tehran = datetime(2025, 3, 20, 20, 45, tzinfo=UTC)
    quarter_to_midnight_in_tehran = datetime(2025, 3, 20, 20, 15, tzinfo=UTC)
    assert jalali_date(quarter_past_midnight_in_tehran) == "جمعه ۱ فروردین ۱۴۰۴"
    assert jalali_date(quarter_to_midnight_in_tehran) == "پنج‌شنبه ۳۰ اسفند ۱۴۰۳"


def test_persian_reader_sees_tehran_time_in_persian_digits():
    with translation.override("fa"):
        assert reader_date(datetime(2025, 3, 20, 20, 45, tzinfo=UTC), with_time=True) == "جمعه ۱ فروردین ۱۴۰۴، ۰۰:۱۵"


def test_english_reader_sees_the_gregorian_date_in_tehran_time():
    with translation.override("en"):
        assert reader_date(datetime(2025, 3, 20, 20, 45, tzinfo=UTC), with_time=True) == "Friday 21 March 2025, 00:15"
        assert reader_date(date(2025, 3, 17)) == "Monday 17 March 2025"


def test_a_missing_date_shows_nothing():
    assert reader_date(None) == ""
