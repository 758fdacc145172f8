"""A small newsroom: two desks, their reporters and editors, and the editor-in-chief."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from cms.factories import make_neighbourhood, make_reporter
from cms.models import ArticlePage, Topic
from cms.persian import persian_slugify
from newsroom.desks import assign_desk_editor
from newsroom.models import ReporterAccount, ReporterStatus
from newsroom.roles import EDITOR_IN_CHIEF, role_group, setup_newsroom

PASSWORD = "a-test-password"


def make_user(username: str):
    return get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, first_name=username
    )


def make_reporter_login(username: str, neighbourhoods, status: str = ReporterStatus.ACTIVE):
    user = make_user(username)
    reporter = make_reporter(display_name=username, slug=username, neighbourhoods=neighbourhoods, user=user)
    ReporterAccount.objects.create(reporter=reporter, status=status)
    return user


def make_desk_editor(username: str, neighbourhoods):
    user = make_user(username)
    assign_desk_editor(user=user, neighbourhoods=neighbourhoods)
    return user


@pytest.fixture
def other_neighbourhood(db):
    return make_neighbourhood(title="مهرشهر", description="غرب کرج.")


@pytest.fixture
def newsroom(neighbourhood, other_neighbourhood):
    setup_newsroom()
    return neighbourhood


@pytest.fixture
def reporter_user(newsroom, neighbourhood):
    return make_reporter_login("zahra", [neighbourhood])


@pytest.fixture
def trainee(newsroom, neighbourhood):
    """A trainee reporter of the same desk as ``reporter_user``."""
    return make_reporter_login("narges", [neighbourhood], status=ReporterStatus.TRAINEE)


@pytest.fixture
def colleague(newsroom, neighbourhood):
    """Another reporter of the same desk."""
    return make_reporter_login("reza", [neighbourhood])


@pytest.fixture
def far_reporter(newsroom, other_neighbourhood):
    """A reporter of another desk."""
    return make_reporter_login("fatemeh", [other_neighbourhood])


@pytest.fixture
def desk_editor(newsroom, neighbourhood):
    return make_desk_editor("dabir", [neighbourhood])


@pytest.fixture
def second_editor(newsroom, neighbourhood):
    return make_desk_editor("dabir-dovom", [neighbourhood])


@pytest.fixture
def other_editor(newsroom, other_neighbourhood):
    return make_desk_editor("dabir-mehrshahr", [other_neighbourhood])


@pytest.fixture
def chief(newsroom):
    user = make_user("sardabir")
    user.groups.add(role_group(EDITOR_IN_CHIEF))
    return user


def story_form(title: str, **extra) -> dict:
    """What a reporter types into the new-story form."""
    reporters = extra.pop("reporters", [])
    return nested_form_data(
        {
            "title": title,
            "slug": persian_slugify(title),
            "summary": extra.pop("summary", f"خلاصه {title}"),
            "body": streamfield([("paragraph", rich_text(f"<p>متن {title}</p>"))]),
            "tags": "",
            "corrections-TOTAL_FORMS": 0,
            "corrections-INITIAL_FORMS": 0,
            "corrections-MIN_NUM_FORMS": 0,
            "corrections-MAX_NUM_FORMS": 1000,
            "comments-TOTAL_FORMS": 0,
            "comments-INITIAL_FORMS": 0,
            "comments-MIN_NUM_FORMS": 0,
            "comments-MAX_NUM_FORMS": 1000,
            **extra,
        }
    ) | {"topics": [Topic.objects.first().pk], "reporters": reporters}


def file_story(client, user, neighbourhood, title: str, **extra) -> ArticlePage | None:
    """Logs in as ``user`` and creates a draft story through the admin; None if refused."""
    client.force_login(user)
    url = reverse("wagtailadmin_pages:add", args=["cms", "articlepage", neighbourhood.pk])
    byline = [user.reporter_profile.pk] if hasattr(user, "reporter_profile") else []
    client.post(url, story_form(title, reporters=byline, **extra))
    return ArticlePage.objects.filter(title=title).first()


def body_form(page: Page, new_text: str) -> dict:
    if new_text:
        return streamfield([("paragraph", rich_text(f"<p>{new_text}</p>"))])
    blocks = page.get_latest_revision_as_object().body
    form = streamfield([(block.block_type, rich_text(block.value.source)) for block in blocks])
    for index, block in enumerate(blocks):
        form[str(index)]["id"] = block.id
    return form


def post_edit(client, page: Page, *, action: str | None = None, body: str = "", autosave: bool = False, **changes):
    """Posts the edit form back as the logged-in user, with ``changes``. The body, which a browser's
    JavaScript draws, is posted back unchanged, or replaced by one paragraph of ``body``. An autosave
    asks for JSON, as Wagtail's editor does."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data.update(nested_form_data({"body": body_form(page, body)}))
    for key, value in changes.items():
        data[key] = value
    if action:
        data[f"action-{action}"] = action
    return client.post(url, data, headers={"Accept": "application/json"} if autosave else None)


def refused(response) -> bool:
    """Wagtail answers a forbidden admin request with 403, or by sending the user home with an error."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


@pytest.fixture
def draft(client, reporter_user, neighbourhood):
    """A draft story filed by ``reporter_user`` through the admin."""
    story = file_story(client, reporter_user, neighbourhood, "چاله‌های خیابان گلستان")
    client.logout()
    return story


@pytest.fixture
def submitted(client, draft, reporter_user):
    client.force_login(reporter_user)
    post_edit(client, draft, action="submit")
    client.logout()
    draft.refresh_from_db()
    assert draft.workflow_in_progress
    return draft
