"""Side effects of content changes: a story's derived neighbourhood, renditions made ahead of readers,
and the cached navigation."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import ArticlePage, HomePage, NeighbourhoodPage, Photo, Topic
from .navigation import forget_navigation
from .photos.renditions import photo_roles_in_story, queue_photo_renditions
from .photos.sizes import LEAD_PHOTO_ROLES
from .sites import forget_sites


@receiver(post_page_move)
def follow_moved_story(sender, instance, parent_page_after, **kwargs):
    if issubclass(sender, ArticlePage):
        neighbourhood = NeighbourhoodPage.objects.filter(pk=parent_page_after.pk).first()
        ArticlePage.objects.filter(pk=instance.pk).update(neighbourhood=neighbourhood)


@receiver(post_save, sender=Photo)
def make_renditions_for_new_photo(sender, instance, created, **kwargs):
    # Most photos become a story's lead photo; make those renditions before anyone asks for them.
    if created:
        queue_photo_renditions(photo_id=instance.pk, roles=LEAD_PHOTO_ROLES)


@receiver(page_published)
def make_renditions_for_published_story(sender, instance, **kwargs):
    if isinstance(instance, ArticlePage):
        for photo_id, roles in photo_roles_in_story(instance).items():
            queue_photo_renditions(photo_id=photo_id, roles=roles)


@receiver(page_published, sender=NeighbourhoodPage)
@receiver(page_unpublished, sender=NeighbourhoodPage)
@receiver(post_page_move, sender=NeighbourhoodPage)
@receiver(post_delete, sender=NeighbourhoodPage)
@receiver(post_save, sender=Topic)
@receiver(post_delete, sender=Topic)
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def rebuild_navigation(sender, **kwargs):
    # After the commit, so no reader rebuilds it from the old rows in between.
    transaction.on_commit(forget_navigation)


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
# The remembered sites carry their home page (cms/sites.py), so any change to it forgets them.
@receiver(post_save, sender=HomePage)
@receiver(post_delete, sender=HomePage)
@receiver(page_published, sender=HomePage)
@receiver(page_unpublished, sender=HomePage)
@receiver(post_page_move, sender=HomePage)
def forget_known_sites(sender, **kwargs):
    transaction.on_commit(forget_sites)
