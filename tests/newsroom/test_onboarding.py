"""The editor-in-chief invites reporters, records their training and suspends or restores them."""

import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from cms.models import ArticlePage, Reporter
from newsroom.models import ReporterAccount, ReporterStatus
from newsroom.onboarding import set_reporter_status

from .conftest import PASSWORD, file_story, post_edit, refused
from .test_dashboard import panel
from .test_workflow import act


def invite(client, chief, neighbourhood, django_capture_on_commit_callbacks, **overrides):
    client.force_login(chief)
    data = {
        "display_name": "نرگس جعفری",
        "username": "narges-jafari",
        "email": "narges@example.org",
        "neighbourhoods": [neighbourhood.pk],
        "status": ReporterStatus.TRAINEE,
        **overrides,
    }
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("newsroom_invite"), data)


def link_in(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0).split("8000", 1)[-1]


def test_chief_invites_a_reporter_who_sets_their_own_password_once(
    client, chief, neighbourhood, django_capture_on_commit_callbacks
):
    invite(client, chief, neighbourhood, django_capture_on_commit_callbacks)
    reporter = Reporter.objects.get(slug="narges-jafari")
    assert reporter.account.status == ReporterStatus.TRAINEE
    assert not reporter.user.has_usable_password()
    assert [message.to for message in mail.outbox] == [["narges@example.org"]]
    link = link_in(mail.outbox[0])

    client.logout()
    assert client.get(link).status_code == 200
    client.post(link, {"new_password1": "کوچه‌باغ-۱۴۰۵-narges", "new_password2": "کوچه‌باغ-۱۴۰۵-narges"})
    assert client.login(username="narges-jafari", password="کوچه‌باغ-۱۴۰۵-narges")
    client.logout()
    assert client.get(link).status_code == 404


def test_invited_reporter_belongs_to_the_desks_of_their_neighbourhoods(
    client, chief, neighbourhood, django_capture_on_commit_callbacks
):
    invite(client, chief, neighbourhood, django_capture_on_commit_callbacks)
    user = get_user_model().objects.get(username="narges-jafari")
    assert set(user.groups.values_list("name", flat=True)) == {"خبرنگار محله", neighbourhood.desk.reporters_group.name}


def test_an_invitation_with_a_taken_username_is_refused_in_persian_and_keeps_what_was_typed(
    client, chief, neighbourhood, reporter_user, django_capture_on_commit_callbacks
):
    response = invite(client, chief, neighbourhood, django_capture_on_commit_callbacks, username=reporter_user.username)
    page = response.content.decode()
    assert response.status_code == 200
    assert "نرگس جعفری" in page
    assert mail.outbox == []


def test_desk_editor_and_reporter_cannot_invite(client, desk_editor, reporter_user, neighbourhood):
    for user in [desk_editor, reporter_user]:
        client.force_login(user)
        response = client.post(
            reverse("newsroom_invite"),
            {"display_name": "x", "username": "x", "email": "x@example.org", "neighbourhoods": [neighbourhood.pk]},
        )
        assert refused(response)
    assert not Reporter.objects.filter(slug="x").exists()


def edit_account(client, chief, account, **fields):
    client.force_login(chief)
    data = {
        "status": account.status,
        "training-TOTAL_FORMS": "0",
        "training-INITIAL_FORMS": "0",
        "training-MIN_NUM_FORMS": "0",
        "training-MAX_NUM_FORMS": "1000",
        **fields,
    }
    url = reverse("wagtailsnippets_newsroom_reporteraccount:edit", args=[account.pk])
    return client.post(url, data)


def test_suspended_reporter_cannot_log_in_and_their_stories_stay(client, chief, reporter_user, story):
    account = ReporterAccount.objects.get(reporter__user=reporter_user)
    edit_account(client, chief, account, status=ReporterStatus.SUSPENDED)
    client.logout()
    assert not client.login(username=reporter_user.username, password=PASSWORD)
    assert client.get(story.url).status_code == 200

    edit_account(client, chief, account, status=ReporterStatus.ACTIVE)
    client.logout()
    assert client.login(username=reporter_user.username, password=PASSWORD)


def test_chief_records_training(client, chief, reporter_user):
    account = ReporterAccount.objects.get(reporter__user=reporter_user)
    edit_account(
        client,
        chief,
        account,
        **{
            "training-TOTAL_FORMS": "1",
            "training-0-course": "دوره آموزشی خبرنگاری محله",
            "training-0-completed_on": "2026-10-20",
            "training-0-note": "با نمره خوب",
            "training-0-id": "",
            "training-0-ORDER": "1",
            "training-0-DELETE": "",
        },
    )
    record = account.training.get()
    assert (record.course, str(record.completed_on), record.note) == (
        "دوره آموزشی خبرنگاری محله",
        "2026-10-20",
        "با نمره خوب",
    )


def test_desk_editor_cannot_suspend_a_reporter(client, desk_editor, reporter_user):
    account = ReporterAccount.objects.get(reporter__user=reporter_user)
    assert refused(edit_account(client, desk_editor, account, status=ReporterStatus.SUSPENDED))
    reporter_user.refresh_from_db()
    assert reporter_user.is_active


def test_a_suspended_reporters_drafts_and_submissions_stay_with_the_desk(
    client, chief, reporter_user, desk_editor, neighbourhood
):
    draft = file_story(client, reporter_user, neighbourhood, "پیش‌نویس خبرنگار")
    waiting = file_story(client, reporter_user, neighbourhood, "خبر در انتظار بررسی")
    post_edit(client, waiting, action="submit")
    published = file_story(client, reporter_user, neighbourhood, "خبر منتشرشده")
    post_edit(client, published, action="submit")
    act(client, published, desk_editor, "approve")

    edit_account(
        client, chief, ReporterAccount.objects.get(reporter__user=reporter_user), status=ReporterStatus.SUSPENDED
    )

    client.logout()
    assert not client.login(username=reporter_user.username, password=PASSWORD)
    assert client.get(ArticlePage.objects.get(pk=published.pk).url).status_code == 200
    client.force_login(desk_editor)
    for story in [draft, waiting, published]:
        assert client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).status_code == 200
    queue = panel(client, "newsroom-desk-queue-content").text
    assert "خبر در انتظار بررسی" in queue
    act(client, ArticlePage.objects.get(pk=waiting.pk), desk_editor, "approve")
    assert ArticlePage.objects.get(pk=waiting.pk).live


def test_suspension_ends_the_session_the_reporter_already_has(client, chief, reporter_user):
    client.force_login(reporter_user)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    set_reporter_status(
        actor=chief, account=ReporterAccount.objects.get(reporter__user=reporter_user), status=ReporterStatus.SUSPENDED
    )
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
