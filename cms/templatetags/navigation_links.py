"""``{% navigation_links links current=page %}``: the <li> links of the header's topics or the footer's
neighbourhoods, the current page's marked for screen readers.

Every public page shows these, so they are built in Python and each rendering is remembered: the
same links, language and current page always make the same HTML. Through a template loop, the
sixty neighbourhoods of the footer took about a millisecond of every page render.
"""

from functools import lru_cache

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe

from .mahalleh import content_lang

register = template.Library()

CURRENT = mark_safe(' aria-current="page"')
# Each list per language and current page: for sixty neighbourhoods, about 130 renderings of a few
# kilobytes; renderings of links since renamed are dropped as newer ones come in.
REMEMBERED_RENDERINGS = 512


@lru_cache(maxsize=REMEMBERED_RENDERINGS)
def _links_html(links: tuple, current_pk: int | None, language_attributes: str) -> SafeString:
    return format_html_join(
        "",
        '<li><a href="{}"{}{}>{}</a></li>',
        ((link.url, language_attributes, CURRENT if link.pk == current_pk else "", link.title) for link in links),
    )


@register.simple_tag
def navigation_links(links, current=None, *, newsroom_text: bool = False):
    """``newsroom_text``: the link titles are written by the newsroom (Persian), not translated."""
    # The links are the UI language's own (titles, URLs), so the language needs no place in the key.
    return _links_html(tuple(links), getattr(current, "pk", None), content_lang() if newsroom_text else "")
