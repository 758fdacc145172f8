"""A story's way from draft to readers, and who is told what on the way."""

import io
from datetime import timedelta

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry, Revision, WorkflowState

from cms.models import ArticlePage
from newsroom.models import Notification, NotificationKind

from .conftest import post_edit


def act(client, story, user, action, comment=""):
    client.force_login(user)
    task_state = story.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[story.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def recipients(kind):
    return {n.recipient.username for n in Notification.objects.filter(kind=kind)}


def test_submission_tells_that_desks_editors_and_only_them(
    client, reporter_user, draft, desk_editor, second_editor, other_editor, chief, django_capture_on_commit_callbacks
):
    client.force_login(reporter_user)
    with django_capture_on_commit_callbacks(execute=True):
        post_edit(client, draft, action="submit")
    assert recipients(NotificationKind.SUBMITTED) == {desk_editor.username, second_editor.username}
    assert sorted(address for message in mail.outbox for address in message.to) == sorted(
        [desk_editor.email, second_editor.email]
    )
    assert draft.title in mail.outbox[0].subject


def test_requested_changes_reach_the_reporter_with_the_editors_note(
    client, submitted, reporter_user, desk_editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        act(client, submitted, desk_editor, "reject", comment="منبع آمار را بنویسید.")
    notification = Notification.objects.get(kind=NotificationKind.CHANGES_REQUESTED)
    assert notification.recipient == reporter_user
    assert notification.note == "منبع آمار را بنویسید."
    assert [message.to for message in mail.outbox] == [[reporter_user.email]]
    assert "منبع آمار را بنویسید." in mail.outbox[0].body
    client.force_login(reporter_user)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "منبع آمار را بنویسید." in dashboard


def test_reporter_fixes_and_resubmits_then_editor_approves(client, submitted, reporter_user, desk_editor):
    act(client, submitted, desk_editor, "reject", comment="عکس ندارد.")
    client.force_login(reporter_user)
    post_edit(client, submitted, action="submit", title="عنوان اصلاح‌شده")
    submitted.refresh_from_db()
    assert WorkflowState.objects.active().get().status == WorkflowState.STATUS_IN_PROGRESS
    act(client, submitted, desk_editor, "approve")
    submitted.refresh_from_db()
    assert submitted.live
    assert submitted.title == "عنوان اصلاح‌شده"
    assert recipients(NotificationKind.APPROVED) == {reporter_user.username}
    assert recipients(NotificationKind.PUBLISHED) == {reporter_user.username}


def test_reporter_withdraws_a_submission(client, submitted, reporter_user):
    client.force_login(reporter_user)
    post_edit(client, submitted, action="cancel-workflow")
    submitted.refresh_from_db()
    assert not submitted.workflow_in_progress
    assert not submitted.live


def test_a_live_story_edited_by_its_reporter_is_reviewed_again_while_readers_see_the_approved_version(
    client, submitted, reporter_user, desk_editor
):
    act(client, submitted, desk_editor, "approve")
    client.force_login(reporter_user)
    post_edit(client, submitted, action="submit", title="نسخه دوم")
    submitted.refresh_from_db()
    assert submitted.workflow_in_progress
    client.logout()
    public = client.get(submitted.url).content.decode()
    assert "نسخه دوم" not in public
    assert "چاله‌های خیابان گلستان" in public


def pass_the_scheduled_time():
    """Moves every scheduled revision's go-live moment a minute into the past, as time would."""
    a_minute_ago = timezone.now() - timedelta(minutes=1)
    for revision in Revision.objects.filter(approved_go_live_at__isnull=False):
        revision.content["go_live_at"] = a_minute_ago.isoformat()
        revision.approved_go_live_at = a_minute_ago
        revision.save(update_fields=["content", "approved_go_live_at"])


def test_scheduled_story_goes_live_when_the_scheduler_runs_after_its_time(
    client, submitted, reporter_user, desk_editor
):
    client.force_login(desk_editor)
    go_live_at = timezone.localtime() + timedelta(hours=2)
    post_edit(client, submitted, go_live_at=go_live_at.strftime("%Y-%m-%d %H:%M"))
    act(client, submitted, desk_editor, "approve", comment="خوب است.")
    submitted.refresh_from_db()
    assert not submitted.live
    assert recipients(NotificationKind.SCHEDULED) == {reporter_user.username}

    call_command("run_scheduler", "--once", stdout=io.StringIO())
    submitted.refresh_from_db()
    assert not submitted.live

    pass_the_scheduled_time()
    call_command("run_scheduler", "--once", stdout=io.StringIO())
    submitted.refresh_from_db()
    assert submitted.live
    assert recipients(NotificationKind.PUBLISHED) == {reporter_user.username}


def test_a_correction_on_a_live_story_is_told_to_its_reporter(client, submitted, reporter_user, desk_editor):
    act(client, submitted, desk_editor, "approve")
    client.force_login(desk_editor)
    post_edit(
        client,
        submitted,
        action="publish",
        **{
            "corrections-TOTAL_FORMS": "1",
            "corrections-0-published_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
            "corrections-0-text": "نام خیابان اصلاح شد.",
            "corrections-0-ORDER": "1",
            "corrections-0-id": "",
            "corrections-0-DELETE": "",
        },
    )
    assert ArticlePage.objects.get(pk=submitted.pk).corrections.count() == 1
    assert recipients(NotificationKind.CORRECTED) == {reporter_user.username}


def test_every_step_is_in_wagtails_history_with_who_did_it(client, submitted, reporter_user, desk_editor):
    act(client, submitted, desk_editor, "approve")
    steps = {(entry.action, entry.user_id) for entry in PageLogEntry.objects.filter(page=submitted)}
    assert {
        ("wagtail.create", reporter_user.pk),
        ("wagtail.workflow.start", reporter_user.pk),
        ("wagtail.workflow.approve", desk_editor.pk),
        ("wagtail.publish", desk_editor.pk),
    } <= steps
    client.force_login(desk_editor)
    history = client.get(reverse("wagtailadmin_pages:history", args=[submitted.pk]))
    assert history.status_code == 200
