"""The links every public page shows: topics in the header, neighbourhoods in the footer.

They are the same on every page and change only when an editor adds, renames, moves or withdraws a
neighbourhood or topic, so they are built once per UI language and kept in the shared cache.
"""

from dataclasses import dataclass, fields

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from .models import NeighbourhoodPage, Topic
from .models.visibility import publicly_visible
from .shared_cache import Key, read_for_request


@dataclass(frozen=True)
class NavigationLink:
    pk: int
    title: str
    slug: str
    url: str


@dataclass(frozen=True)
class Navigation:
    topics: tuple[NavigationLink, ...]
    neighbourhoods: tuple[NavigationLink, ...]


# Entries in the shared cache outlive a deploy: the key names the fields, so code that expects
# another shape never reads an old entry.
CACHE_KEY = "navigation:" + ",".join(field.name for field in fields(NavigationLink)) + ":{language}"


def build_navigation() -> Navigation:
    topics = tuple(NavigationLink(topic.pk, topic.name, topic.slug, topic.get_url()) for topic in Topic.objects.all())
    neighbourhoods = (
        NeighbourhoodPage.objects.filter(publicly_visible()).order_by("title").only("title", "slug", "url_path")
    )
    return Navigation(
        topics=topics,
        neighbourhoods=tuple(NavigationLink(page.pk, page.title, page.slug, page.url) for page in neighbourhoods),
    )


def cache_keys() -> list[Key]:
    """The navigation's keys in the shared cache, one per UI language."""
    return [(CACHE_KEY.format(language=code), None) for code, _name in settings.LANGUAGES]


def site_navigation(request=None) -> Navigation:
    """The navigation in the active language: as read for the request (cms/sites.py), or from the
    shared cache, built if it is not there."""
    key = CACHE_KEY.format(language=translation.get_language())
    read = read_for_request(request, (key, None))
    return read if read is not None else cache.get_or_set(key, build_navigation, timeout=None)


def forget_navigation() -> None:
    cache.delete_many([key for key, _version in cache_keys()])
