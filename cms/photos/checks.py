"""System checks that stop a deployment which would leak photo originals or lose its renditions."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Warning, register


@register()
def photo_originals_are_private(app_configs, **kwargs):
    storage = settings.STORAGES.get("photo_originals")
    if storage is None:
        return [Error("STORAGES has no 'photo_originals' entry.", id="cms.E101")]
    location = storage.get("OPTIONS", {}).get("location")
    if storage["BACKEND"].endswith("FileSystemStorage") and location:
        media_root, originals = Path(settings.MEDIA_ROOT).resolve(), Path(location).resolve()
        if originals == media_root or media_root in originals.parents:
            return [
                Error(
                    "Photo originals are stored inside MEDIA_ROOT, where anyone could download them.",
                    hint="Set PHOTO_ORIGINALS_ROOT to a folder outside MEDIA_ROOT.",
                    id="cms.E102",
                )
            ]
    if storage["BACKEND"].startswith("storages.backends.s3") and storage["OPTIONS"].get("default_acl") != "private":
        return [Error("Photo originals in S3 must use default_acl='private'.", id="cms.E103")]
    return []


@register(deploy=True)
def renditions_are_made_in_the_background(app_configs, **kwargs):
    if settings.TASKS["default"]["BACKEND"].endswith("ImmediateBackend"):
        return [
            Warning(
                "Photo renditions are made inside web requests.",
                hint="Set TASKS_BACKEND=database and run `manage.py db_worker` beside the app servers.",
                id="cms.W101",
            )
        ]
    return []
