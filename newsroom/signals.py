"""Side effects wired in NewsroomConfig.ready(): desks for new neighbourhoods, reporters kept on their
desks, and notifications drawn from Wagtail's history."""

from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver
from wagtail.models import PageLogEntry, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from cms.models import ArticleCorrection, NeighbourhoodPage, Reporter

from .desks import open_desk, sync_reporter_desks
from .models import NotificationKind
from .notifications import notify, notify_from_history


@receiver(post_save, sender=NeighbourhoodPage)
def open_desk_for_new_neighbourhood(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        open_desk(neighbourhood=instance)


@receiver(post_save, sender=Reporter)
def keep_reporter_login_on_desks(sender, instance, raw=False, **kwargs):
    if not raw:
        sync_reporter_desks(instance)


@receiver(m2m_changed, sender=Reporter.neighbourhoods.through)
def follow_reporter_neighbourhoods(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, Reporter):
        sync_reporter_desks(instance)


@receiver(post_save, sender=PageLogEntry)
def tell_people_what_happened(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        notify_from_history(instance)


@receiver(post_save, sender=ArticleCorrection)
def tell_reporters_of_correction(sender, instance, created, raw=False, **kwargs):
    # Corrections on a live story reach the database only when the story is published again.
    if created and not raw and instance.article.live:
        notify(kind=NotificationKind.CORRECTED, page=instance.article)


def stand_in_for_wagtail_email(sender, **kwargs):
    """newsroom.notifications sends these e-mails, in the recipient's language and to the desk only."""


# Wagtail connects its own workflow e-mails (wagtail/admin/signal_handlers.py) under these
# dispatch_uids from wagtail.admin's ready(), which runs after ours; claiming the uids first makes
# its connect() a no-op, so nobody gets the same news twice.
WAGTAIL_WORKFLOW_EMAILS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification"),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification"),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification"),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification"),
]
for signal, signal_sender, dispatch_uid in WAGTAIL_WORKFLOW_EMAILS:
    signal.connect(stand_in_for_wagtail_email, sender=signal_sender, dispatch_uid=dispatch_uid)
