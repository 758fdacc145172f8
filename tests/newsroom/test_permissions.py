"""The permission matrix, role by role, through the admin's own HTTP endpoints."""

from django.urls import reverse

from cms.models import ArticlePage

from .conftest import file_story, post_edit, refused


def approve(client, story, user, comment=""):
    client.force_login(user)
    task_state = story.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk])
    return client.post(url, {"comment": comment})


# Reporter


def test_reporter_creates_story_in_own_neighbourhood(client, reporter_user, neighbourhood):
    story = file_story(client, reporter_user, neighbourhood, "بازارچه تازه")
    assert story.owner == reporter_user
    assert not story.live


def test_reporter_cannot_create_story_in_another_neighbourhood(client, reporter_user, other_neighbourhood):
    assert file_story(client, reporter_user, other_neighbourhood, "خبر محله دیگر") is None


def test_reporter_edits_own_draft(client, reporter_user, draft):
    client.force_login(reporter_user)
    post_edit(client, draft, title="عنوان تازه")
    draft.refresh_from_db()
    assert draft.get_latest_revision_as_object().title == "عنوان تازه"


def test_reporter_cannot_edit_another_reporters_draft(client, colleague, draft):
    client.force_login(colleague)
    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])))
    assert refused(client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), {"title": "ربوده"}))
    assert draft.get_latest_revision_as_object().title != "ربوده"


def test_reporter_cannot_publish_own_story(client, reporter_user, draft):
    client.force_login(reporter_user)
    post_edit(client, draft, action="publish")
    draft.refresh_from_db()
    assert not draft.live


def test_reporter_cannot_unpublish(client, reporter_user, story):
    client.force_login(reporter_user)
    assert refused(client.post(reverse("wagtailadmin_pages:unpublish", args=[story.pk])))
    story.refresh_from_db()
    assert story.live


def test_reporter_cannot_delete_own_draft(client, reporter_user, draft):
    client.force_login(reporter_user)
    assert refused(client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk])))
    assert ArticlePage.objects.filter(pk=draft.pk).exists()


def test_reporter_cannot_move_own_draft(client, reporter_user, draft, other_neighbourhood, neighbourhood):
    client.force_login(reporter_user)
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[draft.pk, other_neighbourhood.pk]))
    draft.refresh_from_db()
    assert draft.get_parent().pk == neighbourhood.pk


def test_reporter_cannot_approve_anything(client, colleague, submitted):
    assert refused(approve(client, submitted, colleague))
    submitted.refresh_from_db()
    assert not submitted.live


def test_reporter_sees_no_other_desks_pages(client, far_reporter, draft, neighbourhood):
    client.force_login(far_reporter)
    explorer = client.get(reverse("wagtailadmin_explore", args=[neighbourhood.pk]), follow=True)
    assert draft.title not in explorer.content.decode()
    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])))
    assert draft.title not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_reporter_sees_no_users_and_no_settings(client, reporter_user):
    client.force_login(reporter_user)
    assert refused(client.get(reverse("wagtailusers_users:index")))
    assert refused(client.get(reverse("wagtailusers_groups:index")))
    assert refused(client.get(reverse("wagtailsites:index")))
    assert refused(client.get(reverse("wagtailadmin_workflows:index")))


# Desk editor


def test_desk_editor_edits_a_story_of_their_desk(client, desk_editor, draft):
    client.force_login(desk_editor)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).status_code == 200


def test_desk_editor_cannot_edit_another_desks_story(client, other_editor, draft):
    client.force_login(other_editor)
    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])))


def test_desk_editor_cannot_create_in_another_neighbourhood(client, other_editor, neighbourhood):
    assert file_story(client, other_editor, neighbourhood, "خبر بیرون از میز") is None


def test_desk_editor_publishes_and_unpublishes_on_their_desk(client, desk_editor, draft):
    client.force_login(desk_editor)
    post_edit(client, draft, action="publish")
    draft.refresh_from_db()
    assert draft.live
    client.post(reverse("wagtailadmin_pages:unpublish", args=[draft.pk]))
    draft.refresh_from_db()
    assert not draft.live


def test_desk_editor_cannot_unpublish_another_desks_story(client, other_editor, story):
    client.force_login(other_editor)
    assert refused(client.post(reverse("wagtailadmin_pages:unpublish", args=[story.pk])))
    story.refresh_from_db()
    assert story.live


def test_desk_editor_cannot_delete_or_move(client, desk_editor, story, other_neighbourhood, neighbourhood):
    client.force_login(desk_editor)
    assert refused(client.post(reverse("wagtailadmin_pages:delete", args=[story.pk])))
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[story.pk, other_neighbourhood.pk]))
    story.refresh_from_db()
    assert story.get_parent().pk == neighbourhood.pk


def test_desk_editor_cannot_manage_users(client, desk_editor):
    client.force_login(desk_editor)
    assert refused(client.get(reverse("wagtailusers_users:index")))
    assert refused(client.get(reverse("newsroom_invite")))


def test_desk_editor_approves_a_reporters_story(client, desk_editor, submitted):
    approve(client, submitted, desk_editor)
    submitted.refresh_from_db()
    assert submitted.live


def test_desk_editor_cannot_approve_a_revision_they_wrote(client, desk_editor, second_editor, submitted):
    client.force_login(desk_editor)
    post_edit(client, submitted, title="ویرایش دبیر")
    submitted.refresh_from_db()
    assert submitted.workflow_in_progress
    assert refused(approve(client, submitted, desk_editor))
    submitted.refresh_from_db()
    assert not submitted.live
    approve(client, submitted, second_editor)
    submitted.refresh_from_db()
    assert submitted.live
    assert submitted.title == "ویرایش دبیر"


def test_editing_and_approving_in_one_go_is_refused(client, desk_editor, submitted):
    client.force_login(desk_editor)
    response = post_edit(
        client, submitted, action="workflow-action", title="ویرایش و تأیید", **{"workflow-action-name": "approve"}
    )
    assert refused(response)
    submitted.refresh_from_db()
    assert not submitted.live
    assert submitted.workflow_in_progress


def test_desk_editor_who_only_commented_or_scheduled_may_still_approve(client, desk_editor, submitted):
    client.force_login(desk_editor)
    post_edit(client, submitted, go_live_at="2030-01-01 09:00")
    submitted.refresh_from_db()
    assert submitted.get_latest_revision().user == desk_editor
    approve(client, submitted, desk_editor)
    submitted.refresh_from_db()
    assert not submitted.workflow_in_progress


def test_other_desks_editor_cannot_approve(client, other_editor, submitted):
    assert refused(approve(client, submitted, other_editor))


# Editor-in-chief


def test_chief_deletes_and_moves(client, chief, story, draft, other_neighbourhood):
    client.force_login(chief)
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[story.pk, other_neighbourhood.pk]))
    story.refresh_from_db()
    assert story.get_parent().pk == other_neighbourhood.pk
    client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))
    assert not ArticlePage.objects.filter(pk=draft.pk).exists()


def test_chief_manages_users_and_groups(client, chief):
    client.force_login(chief)
    assert client.get(reverse("wagtailusers_users:index")).status_code == 200
    assert client.get(reverse("wagtailusers_groups:index")).status_code == 200


def test_chief_approves_on_any_desk(client, chief, submitted):
    approve(client, submitted, chief)
    submitted.refresh_from_db()
    assert submitted.live
