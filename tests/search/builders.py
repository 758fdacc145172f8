"""Small builders for search tests: stories in the `places` fixture, and applying the queue."""

from cms.factories import make_story
from search.queue import apply_pending_changes


def index_now():
    """What the background task does after each commit: apply the pending changes."""
    result = apply_pending_changes()
    assert not result.failed
    return result


def story(places, *, where="gohardasht", topic="economy", reporter="zahra", **fields):
    return make_story(neighbourhood=places[where], topics=[places[topic]], reporters=[places[reporter]], **fields)
