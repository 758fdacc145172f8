"""Fixtures for the public site: a photographed story, and stories a reader must never see through
any door (a draft, a private story, unpublished edits)."""

import pytest
from wagtail.models import PageViewRestriction

from cms.factories import make_photo, make_story
from cms.models import ArticlePage


@pytest.fixture
def lead_photo(db):
    return make_photo(title="عکس بازارچه", seed=7)


@pytest.fixture
def photographed_story(neighbourhood, reporter, lead_photo):
    return make_story(
        neighbourhood=neighbourhood,
        title="سرویس مدرسه‌های گوهردشت از مهر رایگان شد",
        summary="شورای شهر کرج هزینه سرویس دانش‌آموزان دبستانی را می‌پردازد.",
        reporters=[reporter],
        tags=["مدرسه"],
        lead_image=lead_photo,
        lead_image_alt="دانش‌آموزان کنار سرویس مدرسه",
    )


@pytest.fixture
def hidden_stories(neighbourhood, reporter):
    """A never-published draft, a password-protected story and a live story with unpublished edits,
    each with its own photo and a marker word that must never appear in public output."""
    draft = make_story(
        neighbourhood=neighbourhood,
        title="DRAFTMARKER پیش‌نویس",
        reporters=[reporter],
        lead_image=make_photo(title="DRAFTPHOTO", seed=11),
    )
    draft.unpublish()
    private = make_story(
        neighbourhood=neighbourhood,
        title="PRIVATEMARKER خبر خصوصی",
        reporters=[reporter],
        lead_image=make_photo(title="PRIVATEPHOTO", seed=12),
    )
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    edited = make_story(neighbourhood=neighbourhood, title="خبر منتشرشده", reporters=[reporter])
    editing = ArticlePage.objects.get(pk=edited.pk)
    editing.title = "REVISIONMARKER ویرایش منتشرنشده"
    editing.summary = "REVISIONMARKER"
    editing.save_revision()
    return {"draft": draft, "private": private, "edited": edited}


HIDDEN_MARKERS = ("DRAFTMARKER", "PRIVATEMARKER", "REVISIONMARKER", "DRAFTPHOTO", "PRIVATEPHOTO")
