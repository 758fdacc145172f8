"""Who may propose when a story goes live: active reporters and editors; trainees leave it to the desk."""

from django.utils.translation import gettext as _

from .models import is_trainee


def to_the_minute(value):
    return value.replace(second=0, microsecond=0) if value else None


def trainees_leave_scheduling_to_the_desk(form) -> None:
    """Refuses a publishing time a trainee sets or changes; one an editor set stays as it is."""
    proposed = form.cleaned_data.get("go_live_at")
    if proposed is None or not is_trainee(form.for_user):
        return
    # form.instance still holds the story as it was before this post.
    if to_the_minute(proposed) != to_the_minute(form.instance.go_live_at):
        form.add_error(
            "go_live_at",
            _("Trainee reporters cannot choose a publishing time: the desk editor schedules the story."),
        )
