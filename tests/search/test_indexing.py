"""Keeping the index true: publishing, unpublishing, moving, deleting and renaming reach the index
in the background, a failing backend never fails the editor, and nothing queued is lost."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from search.backends import SearchQuery, get_backend
from search.models import PendingChange
from search.queue import apply_pending_changes

from .builders import index_now, story

pytestmark = pytest.mark.django_db


def found(text: str) -> list[int]:
    return [hit.id for hit in get_backend().search(SearchQuery(text=text)).hits]


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.com", "pass")


def test_publishing_in_the_admin_indexes_the_story_after_the_commit(
    client, editor, places, django_capture_on_commit_callbacks
):
    written = story(places, title="نشست اهالی گوهردشت", with_revision=True)
    index_now()
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/pages/{written.pk}/edit/",
            nested_form_data(
                {
                    "title": "نشست اهالی با شهردار",
                    "slug": written.slug,
                    "summary": written.summary,
                    "body": streamfield([("paragraph", rich_text("<p>شهردار به پرسش‌ها پاسخ داد.</p>"))]),
                    "tags": "",
                    "corrections": inline_formset([]),
                    "action-publish": "publish",
                }
            )
            | {"reporters": [places["zahra"].pk], "topics": [places["economy"].pk]},
        )
    assert response.status_code == 302, response.context["form"].errors.as_json()
    assert found("شهردار") == [written.pk]
    assert not PendingChange.objects.exists()


def test_unpublishing_and_deleting_remove_the_story(places, backend_name):
    gone, deleted = story(places, title="تعمیر پل عابر"), story(places, title="تعمیر خیابان اصلی")
    index_now()
    assert set(found("تعمیر")) == {gone.pk, deleted.pk}
    gone.unpublish()
    deleted.delete()
    index_now()
    assert found("تعمیر") == []


def test_moving_a_story_updates_its_neighbourhood(places, backend_name):
    moved = story(places, title="کارگاه نجاری محله")
    index_now()
    moved.move(places["fardis"], pos="last-child")
    index_now()
    results = get_backend().search(SearchQuery(text="نجاری", neighbourhoods=(places["fardis"].pk,)))
    assert [hit.id for hit in results.hits] == [moved.pk]


def test_renaming_a_topic_or_reporter_reindexes_their_stories(places, backend_name):
    written = story(places, title="کارگاه سفال")
    index_now()
    topic, reporter = places["economy"], places["zahra"]
    topic.name_fa = "کسب‌وکارهای کوچک"
    topic.save()
    reporter.display_name = "زهره احمدی"
    reporter.save()
    index_now()
    assert found("کسب‌وکار کوچک") == [written.pk]
    assert found("زهره") == [written.pk]


class FailingBackend:
    """An index that is down, as Elasticsearch is when its server stops."""

    name = "down"

    def index(self, documents):
        raise ConnectionError("search server is down")

    delete = index


def test_publishing_succeeds_while_the_backend_is_down_and_changes_wait_in_order(places, monkeypatch):
    monkeypatch.setattr("search.queue.get_backend", lambda: FailingBackend())
    first = story(places, title="ایستگاه دوچرخه راه افتاد")
    second = story(places, title="ایستگاه دوچرخه دوم")
    second.unpublish()
    result = apply_pending_changes()
    assert result.failed
    queued = list(PendingChange.objects.values_list("story_id", "action", "attempts"))
    assert queued == [(first.pk, "index", 1), (second.pk, "index", 1), (second.pk, "delete", 1)]
    assert "down" in PendingChange.objects.first().last_error

    monkeypatch.undo()
    call_command("search_index", "sync")
    assert found("دوچرخه") == [first.pk]
    assert not PendingChange.objects.exists()


def test_a_broken_receiver_never_breaks_a_publish(places, monkeypatch):
    def explode(**kwargs):
        raise RuntimeError("queue table missing")

    monkeypatch.setattr("search.signals.queue_changes", explode)
    published = story(places, title="جشنواره غذای محلی")
    assert published.live


def test_status_reports_differences_and_sync_fixes_them(places, capsys):
    written = story(places, title="باغ محله")
    PendingChange.objects.all().delete()
    with pytest.raises(CommandError):
        call_command("search_index", "status")
    assert "missing from the index: 1" in capsys.readouterr().out
    call_command("search_index", "sync")
    call_command("search_index", "status")
    assert found("باغ") == [written.pk]


def test_rebuild_shows_progress_and_switches_to_the_new_index(places, capsys, settings):
    written = story(places, title="مسابقه نقاشی کودکان")
    call_command("search_index", "rebuild")
    out = capsys.readouterr().out
    assert "1/1 stories" in out and "stories/s" in out
    assert found("نقاشی") == [written.pk]
    versions = [path for path in settings.SEARCH_INDEX_DIR.iterdir() if path.is_dir()]
    assert (settings.SEARCH_INDEX_DIR / "CURRENT").read_text() in {path.name for path in versions}


def test_an_interrupted_rebuild_resumes_where_it_stopped(places, monkeypatch):
    monkeypatch.setattr("search.backends.embedded.REBUILD_COMMIT_EVERY", 1)
    stories = [story(places, title=f"گزارش ورزشی {n}") for n in range(3)]
    backend = get_backend()
    from search.documents import iter_documents

    def interrupted(after_id, encode):
        for batch in iter_documents(after_id=after_id, batch_size=1, encode=encode):
            yield batch
            if batch.last_id == stories[1].pk:
                raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        backend.rebuild(interrupted, resume=False, progress=lambda count: None)
    seen = []

    def resumed(after_id, encode):
        seen.append(after_id)
        return iter_documents(after_id=after_id, batch_size=1, encode=encode)

    backend.rebuild(resumed, resume=True, progress=lambda count: None)
    assert seen == [stories[1].pk]
    assert set(found("ورزشی")) == {s.pk for s in stories}
