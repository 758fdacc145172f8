"""The search parameters readers send, by the page's form or the API, checked with clear messages."""

import datetime

import jdatetime
from django import forms
from django.utils.translation import gettext_lazy as _

from cms.models import NeighbourhoodPage, Reporter, Tag, Topic
from cms.models.visibility import publicly_visible
from cms.persian import latin_digits, persian_slugify

MAX_QUERY_CHARS = 200
MAX_PAGE = 50
PER_PAGE = 20
# Gregorian years before this are read as Jalali (1404 is 2025).
FIRST_GREGORIAN_YEAR = 1700
EARLIEST_DATE, LATEST_DATE = datetime.date(1900, 1, 1), datetime.date(2199, 12, 31)


class SlugChoiceField(forms.ModelMultipleChoiceField):
    """Choices named by slug, however the slug was typed (Persian letters, Arabic forms, half-space)."""

    def clean(self, value):
        return super().clean([persian_slugify(item) for item in value or []])


def parse_date(text: str) -> datetime.date:
    """A date as YYYY-MM-DD in Gregorian or Jalali (told apart by the year), any digits."""
    year, month, day = (int(part) for part in latin_digits(text).strip().replace("/", "-").split("-"))
    day = (
        jdatetime.date(year, month, day).togregorian()
        if year < FIRST_GREGORIAN_YEAR
        else datetime.date(year, month, day)
    )
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise ValueError(day)
    return day


class FlexibleDateField(forms.CharField):
    default_error_messages = {"invalid": _("Write the date as year-month-day, for example 1404-01-15.")}

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return parse_date(value)
        except (ValueError, TypeError):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=MAX_QUERY_CHARS,
        error_messages={"max_length": _("Search for at most %(limit_value)d characters.")},
    )
    neighbourhood = SlugChoiceField(
        label=_("Neighbourhoods"),
        queryset=NeighbourhoodPage.objects.none(),
        to_field_name="slug",
        required=False,
        error_messages={"invalid_choice": _("There is no neighbourhood called “%(value)s”.")},
    )
    topic = SlugChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.all(),
        to_field_name="slug",
        required=False,
        error_messages={"invalid_choice": _("There is no topic called “%(value)s”.")},
    )
    tag = forms.CharField(label=_("Tag"), required=False, max_length=100)
    reporter = forms.CharField(label=_("Neighbourhood reporter"), required=False, max_length=80)
    published_from = FlexibleDateField(label=_("From"), required=False)
    published_to = FlexibleDateField(label=_("To"), required=False)
    sort = forms.ChoiceField(
        label=_("Order"),
        choices=[("relevance", _("Most relevant")), ("newest", _("Newest"))],
        required=False,
        error_messages={"invalid_choice": _("Order results by relevance or newest first.")},
    )
    page = forms.CharField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Set here, not at import: public() reads the page view restrictions.
        self.fields["neighbourhood"].queryset = NeighbourhoodPage.objects.filter(publicly_visible())

    def clean_tag(self):
        slug = persian_slugify(self.cleaned_data["tag"])
        if slug and not Tag.objects.filter(slug=slug).exists():
            raise forms.ValidationError(_("There is no tag called “%(value)s”."), params={"value": slug})
        return slug

    def clean_reporter(self):
        slug = self.cleaned_data["reporter"].strip()
        if not slug:
            return None
        reporter = Reporter.objects.filter(slug=slug).first()
        if reporter is None:
            raise forms.ValidationError(
                _("There is no neighbourhood reporter called “%(value)s”."), params={"value": slug}
            )
        return reporter

    def clean_page(self):
        number = latin_digits(self.cleaned_data["page"] or "1").strip()
        if not number.isascii() or not number.isdigit() or int(number) < 1:
            raise forms.ValidationError(_("The page number must be a whole number from 1."))
        if int(number) > MAX_PAGE:
            raise forms.ValidationError(
                _("Only the first %(pages)d pages of results are shown; narrow your search instead."),
                params={"pages": MAX_PAGE},
            )
        return int(number)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("published_from"), cleaned.get("published_to")
        if start and end and start > end:
            self.add_error("published_to", _("The end date is before the start date."))
        return cleaned
