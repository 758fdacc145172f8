"""Trainee and active reporters: the desk sees which submissions come from trainees, and only active
reporters may propose when their story goes live (the editor still approves it)."""

from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from wagtail.models import Revision

from cms.dates import reader_date
from cms.models import ArticlePage

from .conftest import file_story, post_edit
from .test_dashboard import panel
from .test_workflow import act

TRAINEE_MARK = "کارآموز"
TRAINEE_CANNOT_SCHEDULE = "خبرنگار کارآموز نمی‌تواند زمان انتشار را انتخاب کند"


def in_hours(hours: int) -> str:
    """A publishing time as the admin's date-time field posts it."""
    return (timezone.localtime() + timedelta(hours=hours)).strftime("%Y-%m-%d %H:%M")


def submit_story(client, user, neighbourhood, title: str, **changes) -> ArticlePage:
    story = file_story(client, user, neighbourhood, title)
    post_edit(client, story, action="submit", **changes)
    return story


def queue_rows(client, editor) -> dict[str, list[str]]:
    """The desk queue on ``editor``'s dashboard: each story's title and its cells' text."""
    client.force_login(editor)
    rows = panel(client, "newsroom-desk-queue-content").find_all("tr")[1:]
    return {row.find("a").text: [" ".join(cell.text.split()) for cell in row.find_all("td")] for row in rows}


def test_the_desk_queue_marks_a_trainees_submission_and_not_an_active_reporters(
    client, trainee, reporter_user, desk_editor, neighbourhood
):
    submit_story(client, trainee, neighbourhood, "خبر کارآموز")
    submit_story(client, reporter_user, neighbourhood, "خبر خبرنگار فعال")
    rows = queue_rows(client, desk_editor)
    assert TRAINEE_MARK in rows["خبر کارآموز"][1]
    assert TRAINEE_MARK not in " ".join(rows["خبر خبرنگار فعال"])


def test_the_desk_is_told_by_mail_and_on_the_dashboard_that_a_submission_comes_from_a_trainee(
    client, trainee, reporter_user, desk_editor, neighbourhood, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit_story(client, trainee, neighbourhood, "خبر کارآموز")
    [to_desk] = mail.outbox
    assert TRAINEE_MARK in to_desk.subject
    assert TRAINEE_MARK in to_desk.body
    client.force_login(desk_editor)
    assert TRAINEE_MARK in panel(client, "newsroom-notifications-content").text

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        submit_story(client, reporter_user, neighbourhood, "خبر خبرنگار فعال")
    [to_desk] = mail.outbox
    assert TRAINEE_MARK not in to_desk.subject + to_desk.body


def test_a_trainee_cannot_choose_a_publishing_time_and_keeps_what_they_typed(client, trainee, neighbourhood):
    story = file_story(client, trainee, neighbourhood, "خبر کارآموز")
    revisions = Revision.objects.filter(object_id=str(story.pk)).count()

    response = post_edit(client, story, action="submit", title="عنوان تازه کارآموز", go_live_at=in_hours(2))

    assert response.status_code == 200
    page = response.content.decode()
    assert TRAINEE_CANNOT_SCHEDULE in page
    assert "عنوان تازه کارآموز" in page
    story.refresh_from_db()
    assert Revision.objects.filter(object_id=str(story.pk)).count() == revisions
    assert not story.workflow_in_progress


def test_a_trainee_cannot_choose_a_publishing_time_for_a_new_story_either(client, trainee, neighbourhood):
    assert file_story(client, trainee, neighbourhood, "خبر زمان‌دار", go_live_at=in_hours(2)) is None


def test_a_trainee_may_edit_a_story_the_desk_editor_scheduled(client, trainee, desk_editor, neighbourhood):
    story = file_story(client, trainee, neighbourhood, "خبر کارآموز")
    client.force_login(desk_editor)
    when = in_hours(3)
    post_edit(client, story, go_live_at=when)

    client.force_login(trainee)
    response = post_edit(client, story, action="submit", title="عنوان اصلاح‌شده")

    assert response.status_code == 302
    story.refresh_from_db()
    assert story.workflow_in_progress
    latest = story.get_latest_revision_as_object()
    assert (latest.title, timezone.localtime(latest.go_live_at).strftime("%Y-%m-%d %H:%M")) == ("عنوان اصلاح‌شده", when)


def test_an_active_reporter_proposes_a_time_the_editor_sees_and_approves(
    client, reporter_user, desk_editor, neighbourhood
):
    when = in_hours(5)
    story = submit_story(client, reporter_user, neighbourhood, "خبر زمان‌دار", go_live_at=when)
    story.refresh_from_db()
    assert story.workflow_in_progress
    assert not story.live

    proposed = timezone.make_aware(parse_datetime(when))
    assert queue_rows(client, desk_editor)["خبر زمان‌دار"][2] == reader_date(proposed, with_time=True)

    act(client, story, desk_editor, "approve")
    story.refresh_from_db()
    assert not story.live
    assert story.scheduled_revision is not None
    assert story.scheduled_revision.approved_go_live_at == proposed


def test_a_story_without_a_proposed_time_shows_a_dash(client, reporter_user, desk_editor, neighbourhood):
    submit_story(client, reporter_user, neighbourhood, "خبر بی‌زمان")
    assert queue_rows(client, desk_editor)["خبر بی‌زمان"][2] == "—"


def test_the_queue_is_read_in_a_fixed_number_of_queries(
    client, trainee, reporter_user, desk_editor, neighbourhood, django_assert_max_num_queries
):
    submit_story(client, trainee, neighbourhood, "یک")
    client.force_login(desk_editor)
    home = reverse("wagtailadmin_home")
    client.get(home)
    with django_assert_max_num_queries(1000) as one_story:
        client.get(home)
    # Django forgets captured queries when the next request starts: count them now.
    queries_for_one = len(one_story)
    submit_story(client, reporter_user, neighbourhood, "دو", go_live_at=in_hours(4))
    submit_story(client, trainee, neighbourhood, "سه")
    client.force_login(desk_editor)
    with django_assert_max_num_queries(queries_for_one):
        client.get(home)
