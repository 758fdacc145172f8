"""Background work of the search app, run by django-tasks (the task backend Wagtail 8 uses)."""

from django_tasks import task

from .queue import apply_pending_changes


@task()
def apply_pending_changes_task() -> None:
    apply_pending_changes()
