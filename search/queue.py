"""The one door for keeping the index true: record changes, then apply them in order.

Recording never fails the caller's action (a publish, a rename): errors are logged. Applying takes
the queue in id order, keeps only the last change per story, and deletes the rows it applied; if the
backend is down the rows stay, with the error, for the next attempt (`search_index sync`, the next
change, or the periodic sync).
"""

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F

from .backends import get_backend
from .documents import build_documents, searchable_stories
from .models import PendingChange

logger = logging.getLogger(__name__)
APPLY_BATCH = 2_000
APPLY_LOCK_SECONDS = 600


def queue_changes(*, story_ids: Iterable[int], action: PendingChange.Action) -> None:
    """Record that these stories must be (re)indexed or deleted, and apply the queue after commit."""
    rows = [PendingChange(story_id=story_id, action=action) for story_id in dict.fromkeys(story_ids)]
    if not rows:
        return
    try:
        with transaction.atomic():
            PendingChange.objects.bulk_create(rows)
    except Exception:
        logger.exception("Could not queue search changes for stories %s", [row.story_id for row in rows])
        return
    transaction.on_commit(schedule_apply)


def schedule_apply() -> None:
    from .tasks import apply_pending_changes_task

    try:
        apply_pending_changes_task.enqueue()
    except Exception:
        logger.exception("Could not schedule applying search changes; `manage.py search_index sync` will.")


@dataclass
class AppliedChanges:
    indexed: int = 0
    deleted: int = 0
    failed: bool = False


def _apply_batch(changes: list[PendingChange], result: AppliedChanges) -> None:
    latest = {change.story_id: change.action for change in changes}
    wanted = [story_id for story_id, action in latest.items() if action == PendingChange.Action.INDEX]
    documents = build_documents(wanted)
    gone = [story_id for story_id in latest if story_id not in {document.id for document in documents}]
    backend = get_backend()
    backend.delete(gone)
    backend.index(documents)
    result.indexed += len(documents)
    result.deleted += len(gone)


def apply_pending_changes() -> AppliedChanges:
    """Apply every queued change, oldest first; one caller at a time (a cache lock)."""
    result = AppliedChanges()
    # Named after the database, so that sites (or test runs) sharing one Redis do not wait on each other.
    lock = f"search:apply-pending-changes:{connection.settings_dict['NAME']}"
    if not cache.add(lock, 1, APPLY_LOCK_SECONDS):
        return result
    try:
        while changes := list(PendingChange.objects.order_by("pk")[:APPLY_BATCH]):
            try:
                _apply_batch(changes, result)
            except Exception as error:
                logger.exception("Search index update failed; %d changes stay queued.", len(changes))
                PendingChange.objects.filter(pk__in=[change.pk for change in changes]).update(
                    attempts=F("attempts") + 1, last_error=f"{type(error).__name__}: {error}"[:2000]
                )
                result.failed = True
                break
            PendingChange.objects.filter(pk__lte=changes[-1].pk).delete()
    finally:
        cache.delete(lock)
    return result


@dataclass
class IndexDifferences:
    missing: set[int]
    extra: set[int]
    pending: int


def index_differences() -> IndexDifferences:
    """Live stories the index lacks, and indexed stories that are not live (or no longer exist)."""
    live = set(searchable_stories().values_list("pk", flat=True))
    indexed = get_backend().indexed_ids()
    return IndexDifferences(missing=live - indexed, extra=indexed - live, pending=PendingChange.objects.count())


def reconcile() -> IndexDifferences:
    """Queue whatever `index_differences` finds, then apply the queue."""
    differences = index_differences()
    queue_changes(story_ids=differences.missing, action=PendingChange.Action.INDEX)
    queue_changes(story_ids=differences.extra, action=PendingChange.Action.DELETE)
    apply_pending_changes()
    return differences
