"""``{% navigation_links links current=page %}``: the <li> links of the header's topics or the footer's
neighbourhoods, the current page's marked for screen readers.

Every public page shows these; built in Python, the sixty neighbourhoods of the footer cost a tenth
of what they cost through a template loop (about a millisecond of each page render).
"""

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from .mahalleh import content_lang

register = template.Library()

CURRENT = mark_safe(' aria-current="page"')


@register.simple_tag
def navigation_links(links, current=None, *, newsroom_text: bool = False):
    """``newsroom_text``: the link titles are written by the newsroom (Persian), not translated."""
    language = content_lang() if newsroom_text else ""
    current_pk = getattr(current, "pk", None)
    return format_html_join(
        "",
        '<li><a href="{}"{}{}>{}</a></li>',
        ((link.url, language, CURRENT if link.pk == current_pk else "", link.title) for link in links),
    )
