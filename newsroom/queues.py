"""What waits for whom: a reporter's own stories by stage, and the review queue of an editor's desks."""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils.dateparse import parse_datetime
from wagtail.models import Page, TaskState, WorkflowState

from cms.models import ArticlePage

from .models import DeskReviewTask, trainee_user_ids

PANEL_LENGTH = 10


def story_ids_in_workflow(owner, status: str) -> list[int]:
    states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page), status=status, requested_by=owner
    )
    return [int(object_id) for object_id in states.values_list("object_id", flat=True)]


@dataclass
class ReporterStories:
    drafts: list
    waiting_for_review: list
    changes_requested: list
    published: list

    def __bool__(self):
        return any([self.drafts, self.waiting_for_review, self.changes_requested, self.published])


def stories_of(user) -> ReporterStories:
    """The stories ``user`` started, in the four stages a reporter follows."""
    own = ArticlePage.objects.filter(owner=user)
    waiting = story_ids_in_workflow(user, WorkflowState.STATUS_IN_PROGRESS)
    changes = story_ids_in_workflow(user, WorkflowState.STATUS_NEEDS_CHANGES)
    unpublished = own.filter(has_unpublished_changes=True).exclude(pk__in=waiting + changes)
    return ReporterStories(
        drafts=list(unpublished.order_by("-latest_revision_created_at")[:PANEL_LENGTH]),
        waiting_for_review=list(own.filter(pk__in=waiting).order_by("latest_revision_created_at")),
        changes_requested=list(own.filter(pk__in=changes).order_by("latest_revision_created_at")),
        published=list(own.live().order_by("-last_published_at")[:PANEL_LENGTH]),
    )


@dataclass
class QueueItem:
    page: Page
    task_state: TaskState
    by_trainee: bool

    @property
    def proposed_go_live_at(self) -> datetime.datetime | None:
        """The publishing time proposed in the revision an approval would publish, if any."""
        revision = self.page.latest_revision
        value = revision.content.get("go_live_at") if revision else None
        return parse_datetime(value) if value else None


def desk_queue(user) -> list[QueueItem]:
    """Stories waiting for the review of one of ``user``'s desks, oldest first."""
    tasks = DeskReviewTask.objects.filter(active=True)
    if not user.is_superuser:
        tasks = tasks.filter(groups__in=user.groups.all())
    states = list(
        TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS, task__in=tasks.values("pk"))
        .select_related("workflow_state__requested_by")
        .order_by("started_at", "pk")
    )
    pages = Page.objects.select_related("latest_revision").in_bulk(
        [int(state.workflow_state.object_id) for state in states]
    )
    trainees = trainee_user_ids([state.workflow_state.requested_by_id for state in states])
    return [
        QueueItem(
            page=pages[int(state.workflow_state.object_id)],
            task_state=state,
            by_trainee=state.workflow_state.requested_by_id in trainees,
        )
        for state in states
    ]
