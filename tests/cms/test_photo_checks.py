"""The site refuses to start with photo originals where the public could download them."""

from django.core.checks import run_checks


def test_originals_inside_the_public_media_folder_fail_the_system_check(settings):
    settings.MEDIA_ROOT = settings.PHOTO_ORIGINALS_ROOT.parent

    assert "cms.E102" in [message.id for message in run_checks()]


def test_originals_outside_the_public_media_folder_pass_the_system_check():
    assert "cms.E102" not in [message.id for message in run_checks()]


def test_deployment_check_warns_when_renditions_would_be_made_inside_requests(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

    assert "cms.W101" in [message.id for message in run_checks(include_deployment_checks=True)]
