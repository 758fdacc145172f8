"""Makes the renditions a photo needs in the background, when it is uploaded and when a story using it is published."""

import logging
from collections import defaultdict

from django.db import transaction
from django_tasks import task

from .sizes import LEAD_PHOTO_ROLES, rendition_specs

logger = logging.getLogger(__name__)


@task()
def make_photo_renditions(photo_id: int, roles: list[str]) -> int:
    """Creates whichever of the roles' renditions are missing; returns how many the photo now has for them."""
    from ..models import Photo
    from ..models.images import SEARCH_RENDITIONS, SHARE_RENDITION

    photo = Photo.objects.filter(pk=photo_id).first()
    if photo is None:
        return 0
    specs = [spec for role in roles for spec in rendition_specs(role)]
    if "story_lead" in roles:
        # Link previews, feeds and structured data show the lead photo outside the site too.
        specs += [SHARE_RENDITION, *SEARCH_RENDITIONS]
    return len(photo.get_renditions(*specs))


def queue_photo_renditions(*, photo_id: int, roles) -> None:
    """Queues the work once the current transaction commits; a failure to queue is logged, never raised."""

    def enqueue():
        try:
            make_photo_renditions.enqueue(photo_id, sorted(roles))
        except Exception:
            logger.exception("Could not queue renditions for photo %s", photo_id)

    transaction.on_commit(enqueue)


def photo_roles_in_story(story) -> dict[int, set[str]]:
    """Which photos a story shows, and in which roles: its lead photo, body photos and video posters."""
    roles = defaultdict(set)
    if story.lead_image_id:
        roles[story.lead_image_id].update(LEAD_PHOTO_ROLES)
    for block in story.body:
        if block.block_type == "image" and block.value["image"]:
            roles[block.value["image"].pk].add("body")
        elif block.block_type == "video" and block.value["poster"]:
            roles[block.value["poster"].pk].add("video_poster")
    return roles
