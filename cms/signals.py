"""Keeps a story's derived neighbourhood in step with where it sits in the page tree."""

from django.dispatch import receiver
from wagtail.signals import post_page_move

from .models import ArticlePage, NeighbourhoodPage


@receiver(post_page_move)
def follow_moved_story(sender, instance, parent_page_after, **kwargs):
    if issubclass(sender, ArticlePage):
        neighbourhood = NeighbourhoodPage.objects.filter(pk=parent_page_after.pk).first()
        ArticlePage.objects.filter(pk=instance.pk).update(neighbourhood=neighbourhood)
