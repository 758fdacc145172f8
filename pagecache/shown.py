"""Stories a page shows beyond the lists that pagecache/stories.py can name from a story alone.

Related stories are chosen by the search index, so no rule can say which pages show a given story
among them; the page notes them while it renders, and the page cache remembers the note.
"""

ATTRIBUTE = "pagecache_also_showing"


def note_shown(request, story_ids) -> None:
    if request is not None:
        setattr(request, ATTRIBUTE, also_showing(request) | set(story_ids))


def also_showing(request) -> set[int]:
    return getattr(request, ATTRIBUTE, set())
