"""Search pieces that other pages show: the header form, related stories, and listings' filters.

Each one fails quietly (logged) when the backend is unavailable, so a story page never breaks
because search does.
"""

import logging

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode

from cms.url_reversing import remembered
from pagecache.shown import note_shown

from ..results import facet_counts, related_stories

logger = logging.getLogger(__name__)
register = template.Library()


@remembered
def _search_form_html() -> str:
    return render_to_string("search/header_form.html")


@register.simple_tag
def search_form():
    """The header's search form. Every page in a language shows the same one, so it is rendered once
    per language, script prefix and URLconf (cms/url_reversing.py), not at each page."""
    return _search_form_html()


@register.inclusion_tag("search/related_stories.html", takes_context=True)
def related(context, story):
    try:
        stories = related_stories(story)
    except Exception:
        logger.exception("Related stories unavailable for story %s", story.pk)
        return {"stories": []}
    note_shown(context.get("request"), [related.pk for related in stories])
    return {"stories": stories, "request": context.get("request")}


@register.inclusion_tag("search/listing_filters.html")
def listing_filters(*, neighbourhood=None, topic=None):
    """Links that narrow a neighbourhood's or topic's listing by the other facet, with counts."""
    scope = {"neighbourhood": [neighbourhood] if neighbourhood else [], "topic": [topic] if topic else []}
    try:
        facets = facet_counts(neighbourhoods=scope["neighbourhood"], topics=scope["topic"])
    except Exception:
        logger.exception("Listing filters unavailable")
        return {"links": []}
    base = {key: [item.slug for item in items] for key, items in scope.items() if items}
    facet = "topic" if neighbourhood else "neighbourhood"
    links = [
        (value, reverse("search:page") + "?" + urlencode({**base, facet: value.slug}, doseq=True))
        for value in facets[facet]
    ]
    return {"links": links, "facet": facet}
