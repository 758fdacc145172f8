"""`manage.py search_index rebuild|sync|status`: rebuild with no downtime, apply the pending queue,
or report how the index and the database differ."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from search.backends import get_backend
from search.documents import iter_documents, searchable_stories
from search.models import PendingChange
from search.queue import apply_pending_changes, index_differences, queue_changes, reconcile

BAR_WIDTH = 30


class ProgressBar:
    """A one-line progress bar with the indexing rate, redrawn in place."""

    def __init__(self, total: int, stream):
        self.total, self.done, self.stream, self.started = max(total, 1), 0, stream, time.monotonic()

    def __call__(self, count: int) -> None:
        self.done += count
        elapsed = max(time.monotonic() - self.started, 1e-6)
        filled = min(BAR_WIDTH, BAR_WIDTH * self.done // self.total)
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {self.done:,}/{self.total:,} "
            f"stories, {self.done / elapsed:,.0f}/s"
        )
        self.stream.flush()

    @property
    def rate(self) -> float:
        return self.done / max(time.monotonic() - self.started, 1e-6)


class Command(BaseCommand):
    help = "Rebuild, synchronise or inspect the public search index."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        rebuild = sub.add_parser("rebuild", help="Index every live story into a new index, then switch to it.")
        rebuild.add_argument("--resume", action="store_true", help="Carry on an interrupted rebuild.")
        sub.add_parser("sync", help="Apply the pending changes, and fix any difference with the database.")
        sub.add_parser("status", help="Report the index, the pending changes and differences with the database.")

    def handle(self, *args, action, **options):
        getattr(self, f"handle_{action}")(**options)

    def handle_rebuild(self, *, resume: bool, **options):
        started = timezone.now()
        bar = ProgressBar(searchable_stories().count(), self.stdout)
        get_backend().rebuild(
            lambda after_id, encode: iter_documents(after_id=after_id, encode=encode), resume=resume, progress=bar
        )
        self.stdout.write(f"\nIndexed {bar.done:,} stories at {bar.rate:,.0f} stories/s.")
        # Changes made while the rebuild ran went to the old index: apply them to the new one.
        differences = reconcile()
        changed = searchable_stories().filter(last_published_at__gte=started).values_list("pk", flat=True)
        queue_changes(story_ids=changed, action=PendingChange.Action.INDEX)
        apply_pending_changes()
        self.stdout.write(
            f"Caught up: {len(differences.missing)} added, {len(differences.extra)} removed, {len(changed)} refreshed."
        )

    def handle_sync(self, **options):
        applied = apply_pending_changes()
        if applied.failed:
            raise CommandError("The search backend failed; the pending changes are kept. See the log.")
        differences = reconcile()
        self.stdout.write(
            f"Applied {applied.indexed} updates and {applied.deleted} removals; fixed "
            f"{len(differences.missing)} missing and {len(differences.extra)} stale stories."
        )

    def handle_status(self, **options):
        for key, value in get_backend().describe().items():
            self.stdout.write(f"{key}: {value}")
        differences = index_differences()
        self.stdout.write(f"pending changes: {differences.pending}")
        self.stdout.write(f"live stories missing from the index: {len(differences.missing)}")
        self.stdout.write(f"indexed stories that are not live: {len(differences.extra)}")
        if differences.missing or differences.extra:
            sample = sorted(differences.missing | differences.extra)[:20]
            self.stdout.write(f"for example: {sample}")
            raise CommandError("The index differs from the database: run `manage.py search_index sync`.")
