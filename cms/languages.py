"""The page being served, at its address in another UI language."""

from django.urls import NoReverseMatch, reverse
from django.utils import translation


def path_in_language(request, code: str) -> str:
    """The request's path in the UI language ``code``, as Django's ``translate_url`` gives it.

    From the URL the request was already resolved to, rather than resolving it again: a page asks
    for this three times (its hreflang links and the language switch).
    """
    match = request.resolver_match
    if match is None:
        return request.path
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    with translation.override(code):
        try:
            return reverse(name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return request.path
