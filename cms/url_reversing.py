"""URL reversing remembered in each process, for the addresses every page links to.

Django's ``reverse()`` works an address out again at each call (about 25 µs here), and a story page
asks for about twenty: its topics' and tags' listings, its feeds, the home page. The answer depends
only on the arguments, the active language, the script prefix and the URLconf, and all four make the
key; URL patterns do not change while a process runs.
"""

from functools import lru_cache, wraps

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language


def remembered(function):
    """``function`` remembered: its answer must depend only on its hashable positional arguments,
    the active language, the script prefix and the URLconf (addresses, or a fragment made of them
    and of translations, such as the header's search form)."""

    @lru_cache(maxsize=4096)
    def answer(language, script_prefix, urlconf, *args):
        return function(*args)

    @wraps(function)
    def remembering(*args):
        return answer(get_language(), get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF, *args)

    return remembering


@remembered
def _reverse(viewname: str, args: tuple, kwargs: tuple) -> str:
    return reverse(viewname, args=args, kwargs=dict(kwargs))


def reverse_remembered(viewname: str, *, args=(), kwargs=None) -> str:
    """``reverse()``, remembered."""
    return _reverse(viewname, tuple(args), tuple(sorted((kwargs or {}).items())))
