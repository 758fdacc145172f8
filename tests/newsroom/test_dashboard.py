"""The dashboard: a reporter's stories by stage, an editor's desk queue oldest first."""

from django.urls import reverse
from wagtail.test.utils import WagtailTestUtils

from .conftest import file_story, post_edit


def panel(client, panel_id):
    soup = WagtailTestUtils.get_soup(client.get(reverse("wagtailadmin_home")).content)
    return soup.find(id=panel_id)


def test_reporter_sees_drafts_and_what_waits_for_review(client, reporter_user, neighbourhood):
    waiting = file_story(client, reporter_user, neighbourhood, "خبر در انتظار")
    post_edit(client, waiting, action="submit")
    file_story(client, reporter_user, neighbourhood, "پیش‌نویس من")
    assert "پیش‌نویس من" in panel(client, "my-drafts").text
    assert "خبر در انتظار" not in panel(client, "my-drafts").text
    assert "خبر در انتظار" in panel(client, "waiting-for-review").text


def test_editor_sees_their_desks_queue_oldest_first_and_not_other_desks(
    client, reporter_user, far_reporter, desk_editor, neighbourhood, other_neighbourhood
):
    for title in ["اول", "دوم"]:
        story = file_story(client, reporter_user, neighbourhood, title)
        post_edit(client, story, action="submit")
    elsewhere = file_story(client, far_reporter, other_neighbourhood, "محله دیگر")
    post_edit(client, elsewhere, action="submit")
    client.force_login(desk_editor)
    rows = [row.find("a").text for row in panel(client, "newsroom-desk-queue-content").find_all("tr")[1:]]
    assert rows == ["اول", "دوم"]
