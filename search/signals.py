"""Listens to the content's own events and queues index changes; nothing in cms knows about search.

Every receiver is wrapped so that a failure is logged and never reaches the editor's action.
"""

import functools
import logging

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.models import ArticlePage, NeighbourhoodPage, Reporter, Tag, Topic

from .models import PendingChange
from .queue import queue_changes

logger = logging.getLogger(__name__)
INDEX, DELETE = PendingChange.Action.INDEX, PendingChange.Action.DELETE


def never_breaks(handler):
    @functools.wraps(handler)
    def wrapper(*args, **kwargs):
        try:
            handler(*args, **kwargs)
        except Exception:
            logger.exception("Search receiver %s failed; the index may lag until the next sync.", handler.__name__)

    return wrapper


def stories_under(page: Page) -> list[int]:
    return list(ArticlePage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


@receiver(page_published)
@never_breaks
def index_published_page(sender, instance, **kwargs):
    if issubclass(sender, ArticlePage):
        queue_changes(story_ids=[instance.pk], action=INDEX)
    elif issubclass(sender, NeighbourhoodPage):
        # A renamed neighbourhood changes its stories' names and addresses.
        queue_changes(story_ids=stories_under(instance), action=INDEX)


@receiver(page_unpublished)
@never_breaks
def remove_unpublished_page(sender, instance, **kwargs):
    queue_changes(story_ids=stories_under(instance), action=DELETE)


@receiver(post_delete, sender=ArticlePage)
@never_breaks
def remove_deleted_story(sender, instance, **kwargs):
    queue_changes(story_ids=[instance.pk], action=DELETE)


@receiver(post_page_move)
@never_breaks
def reindex_moved_page(sender, instance, **kwargs):
    # INDEX re-checks liveness, so a story moved under an unpublished neighbourhood is removed.
    queue_changes(story_ids=stories_under(instance), action=INDEX)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@never_breaks
def reindex_restricted_pages(sender, instance, **kwargs):
    queue_changes(story_ids=stories_under(instance.page), action=INDEX)


@receiver(post_save, sender=Topic)
@never_breaks
def reindex_renamed_topic(sender, instance, created, **kwargs):
    if not created:
        queue_changes(story_ids=instance.stories.values_list("pk", flat=True), action=INDEX)


@receiver(post_save, sender=Reporter)
@never_breaks
def reindex_renamed_reporter(sender, instance, created, **kwargs):
    if not created:
        queue_changes(story_ids=instance.stories.values_list("pk", flat=True), action=INDEX)


@receiver(post_save, sender=Tag)
@never_breaks
def reindex_renamed_tag(sender, instance, created, **kwargs):
    if not created:
        story_ids = instance.tagged_articles.values_list("content_object_id", flat=True)
        queue_changes(story_ids=story_ids, action=INDEX)
