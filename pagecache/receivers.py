"""Wagtail's and Django's signals, turned into exact purges: whoever publishes, edits or renames,
through the admin, a workflow, a command or a test, the pages that show the change are forgotten."""

import dataclasses

from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.models import ReferenceIndex
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.models import ArticlePage, NeighbourhoodPage, Photo, Reporter, Tag, Topic

from .purge import purge, purge_everything
from .stories import StoryState, all_listing_urls, story_change_urls
from .urls_of import page_urls

# What a thing looked like before the save in progress, by (model, pk). Filled by pre_save and
# emptied by the signal that follows, in the same request.
_before: dict[tuple[type, int], object] = {}

# Fields shown in the header and footer navigation of every page, so changing them changes every page.
NAV_FIELDS = {
    NeighbourhoodPage: ("title", "slug", "live", "url_path"),
    Topic: ("name_fa", "name_en", "slug", "sort_order"),
}
REPORTER_BYLINE_FIELDS = ("display_name", "slug")


def _per_page() -> int:
    return settings.STORIES_PER_PAGE


def _row(model, pk, fields):
    return model.objects.filter(pk=pk).values(*fields).first()


# Stories


@receiver(pre_save, sender=ArticlePage)
def remember_story(sender, instance, update_fields=None, **kwargs):
    # Publishing saves every field; saving a draft revision names the few it touches.
    if instance.pk and update_fields is None:
        _before[(ArticlePage, instance.pk)] = StoryState.read(instance.pk)


@receiver(page_published, sender=ArticlePage)
def purge_published_story(sender, instance, **kwargs):
    before = _before.pop((ArticlePage, instance.pk), None)
    purge(story_change_urls(before, StoryState.read(instance.pk), per_page=_per_page()))


@receiver(page_unpublished, sender=ArticlePage)
def purge_unpublished_story(sender, instance, **kwargs):
    after = StoryState.read(instance.pk)
    if after is not None:
        purge(story_change_urls(dataclasses.replace(after, live=True), after, per_page=_per_page()))


@receiver(post_page_move, sender=ArticlePage)
def purge_moved_story(
    sender, instance, parent_page_before, parent_page_after, url_path_before, url_path_after, **kwargs
):
    now = StoryState.read(instance.pk)
    if now is None or not now.live:
        return
    after = dataclasses.replace(now, url_path=url_path_after, neighbourhood_id=parent_page_after.pk)
    before = dataclasses.replace(now, url_path=url_path_before, neighbourhood_id=parent_page_before.pk)
    purge(story_change_urls(before, after, per_page=_per_page()))


# Neighbourhoods and topics: named in every page's navigation


@receiver(pre_save, sender=NeighbourhoodPage)
@receiver(pre_save, sender=Topic)
def remember_navigation_entry(sender, instance, update_fields=None, **kwargs):
    if instance.pk and update_fields is None:
        _before[(sender, instance.pk)] = _row(sender, instance.pk, NAV_FIELDS[sender])


def _nav_changed(model, instance) -> bool:
    before = _before.pop((model, instance.pk), None)
    return before is None or before != _row(model, instance.pk, NAV_FIELDS[model])


@receiver(page_published, sender=NeighbourhoodPage)
def purge_published_neighbourhood(sender, instance, **kwargs):
    if _nav_changed(NeighbourhoodPage, instance):
        purge_everything()
    else:
        purge(all_listing_urls("neighbourhood", instance))


@receiver(page_unpublished, sender=NeighbourhoodPage)
@receiver(post_page_move, sender=NeighbourhoodPage)
def purge_withdrawn_neighbourhood(sender, instance, **kwargs):
    purge_everything()


@receiver(post_save, sender=Topic)
def purge_saved_topic(sender, instance, created, **kwargs):
    if created or _nav_changed(Topic, instance):
        purge_everything()
    else:
        purge(all_listing_urls("topic", instance))


@receiver(post_delete, sender=Topic)
def purge_deleted_topic(sender, instance, **kwargs):
    purge_everything()


# Tags and reporters: named on their own listing and on the stories they mark


@receiver(pre_save, sender=Tag)
@receiver(pre_save, sender=Reporter)
def remember_slugged(sender, instance, **kwargs):
    if instance.pk:
        _before[(sender, instance.pk)] = sender.objects.filter(pk=instance.pk).first()


def _old_and_new_listing_urls(kind: str, before, instance) -> set[str]:
    urls = all_listing_urls(kind, instance)
    if before is not None and before.slug != instance.slug:
        urls |= all_listing_urls(kind, before)
    return urls


def _story_page_urls(stories) -> set[str]:
    urls = set()
    for url_path in stories.published().values_list("url_path", flat=True):
        urls |= page_urls(url_path)
    return urls


@receiver(post_save, sender=Tag)
def purge_saved_tag(sender, instance, created, **kwargs):
    before = _before.pop((Tag, instance.pk), None)
    if created:
        return
    urls = _old_and_new_listing_urls("tag", before, instance)
    purge(urls | _story_page_urls(ArticlePage.objects.with_tag(instance)))


@receiver(post_save, sender=Reporter)
def purge_saved_reporter(sender, instance, created, **kwargs):
    before = _before.pop((Reporter, instance.pk), None)
    if created:
        return
    purge(_reporter_urls(instance, before=before))


def _reporter_urls(reporter: Reporter, *, before: Reporter | None) -> set[str]:
    urls = _old_and_new_listing_urls("reporter", before, reporter)
    byline_changed = before is None or any(getattr(before, f) != getattr(reporter, f) for f in REPORTER_BYLINE_FIELDS)
    if byline_changed:
        urls |= _story_page_urls(ArticlePage.objects.by_reporter(reporter))
    if byline_changed or before.photo_id != reporter.photo_id:
        for neighbourhood in reporter.neighbourhoods.all():
            urls |= all_listing_urls("neighbourhood", neighbourhood)
    return urls


@receiver(m2m_changed, sender=Reporter.neighbourhoods.through)
def purge_reporter_coverage(sender, instance, action, pk_set, reverse, **kwargs):
    if reverse or action not in ("pre_clear", "post_add", "post_remove"):
        return
    neighbourhoods = NeighbourhoodPage.objects.filter(pk__in=pk_set) if pk_set else instance.neighbourhoods.all()
    urls = all_listing_urls("reporter", instance)
    for neighbourhood in neighbourhoods:
        urls |= all_listing_urls("neighbourhood", neighbourhood)
    purge(urls)


# Photos


@receiver(post_save, sender=Photo)
def purge_changed_photo(sender, instance, created, **kwargs):
    if created:
        return
    urls = set()
    # A story card shows the lead photo, so its listings change as for an edit of the card.
    for pk in ArticlePage.objects.published().filter(lead_image=instance).values_list("pk", flat=True):
        now = StoryState.read(pk)
        urls |= story_change_urls(dataclasses.replace(now, card=None), now, per_page=_per_page())
    # Photos inside a story's body show on the story page only.
    story_ids = (
        ReferenceIndex.get_references_to(instance)
        .filter(base_content_type__model="page")
        .values_list("object_id", flat=True)
    )
    urls |= _story_page_urls(ArticlePage.objects.filter(pk__in=[int(pk) for pk in story_ids]))
    for reporter in Reporter.objects.filter(photo=instance):
        urls |= _reporter_urls(reporter, before=reporter_with_other_photo(reporter))
    purge(urls)


def reporter_with_other_photo(reporter: Reporter) -> Reporter:
    """The reporter as if the photo had changed: its page and its neighbourhoods' pages show it."""
    return Reporter(pk=reporter.pk, display_name=reporter.display_name, slug=reporter.slug, photo_id=None)
