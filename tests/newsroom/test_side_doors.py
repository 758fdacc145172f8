"""The admin's side doors (previews, revisions, history, copy, choosers, the admin API, usage,
workflow history) give a reporter nothing of another desk or of a page they cannot edit."""

import pytest
from django.urls import reverse


def side_doors(story):
    revision = story.get_latest_revision()
    return [
        reverse("wagtailadmin_pages:view_draft", args=[story.pk]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[story.pk]),
        reverse("wagtailadmin_pages:history", args=[story.pk]),
        reverse("wagtailadmin_pages:revisions_index", args=[story.pk]),
        reverse("wagtailadmin_pages:revisions_view", args=[story.pk, revision.pk]),
        reverse("wagtailadmin_pages:revisions_compare", args=[story.pk, "live", revision.pk]),
        reverse("wagtailadmin_pages:copy", args=[story.pk]),
        reverse("wagtailadmin_pages:usage", args=[story.pk]),
        reverse("wagtailadmin_pages:workflow_history", args=[story.pk]),
    ]


def seen_through(client, url: str) -> str:
    """Whatever the door ends up showing, after any redirect (Wagtail sends refused users home)."""
    return client.get(url, follow=True).content.decode()


@pytest.mark.parametrize("door", range(9))
def test_another_desks_reporter_gets_nothing_through_side_doors(client, far_reporter, submitted, door):
    url = side_doors(submitted)[door]
    client.force_login(far_reporter)
    page = seen_through(client, url)
    assert submitted.title not in page, url
    assert submitted.summary not in page, url


@pytest.mark.parametrize("door", range(9))
def test_a_colleague_on_the_same_desk_gets_nothing_of_a_story_they_cannot_edit(client, colleague, submitted, door):
    url = side_doors(submitted)[door]
    client.force_login(colleague)
    assert submitted.summary not in seen_through(client, url), url


def test_page_chooser_and_admin_api_hide_another_desks_drafts(client, far_reporter, draft):
    client.force_login(far_reporter)
    chooser = client.get(reverse("wagtailadmin_choose_page_child", args=[draft.get_parent().pk]))
    assert draft.title not in chooser.content.decode()
    search = client.get(reverse("wagtailadmin_choose_page_search"), {"q": draft.title})
    assert draft.title not in search.content.decode()
    api = client.get("/admin/api/main/pages/", {"child_of": draft.get_parent().pk})
    assert draft.title not in api.content.decode()
