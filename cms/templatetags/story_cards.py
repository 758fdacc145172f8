"""``{% story_card story %}``: a story as every list shows it (front page, neighbourhood, topic, tag and
reporter pages, related stories), with its photo unless ``text_only``.

Written in Python rather than as an included template: included, a card cost about 0.2 ms, most of
it the template engine's own work, and a front page shows dozens of them.
"""

from django import template
from django.utils.html import format_html

from ..dates import reader_date
from ..structured_data import iso_datetime
from .mahalleh import content_lang
from .photos import photo

register = template.Library()
HEADINGS = {"h2", "h3", "h4"}


@register.simple_tag(takes_context=True)
def story_card(context, story, *, heading="h3", variant="", compact=False, text_only=False):
    """``variant="lead"`` is the front page's lead story: a larger photo, loaded at once. A compact
    card leaves out the summary. ``text_only`` is tested first, as such stories are fetched without
    their photo."""
    request = context.get("request")
    heading = heading or "h3"
    if heading not in HEADINGS:
        raise template.TemplateSyntaxError(f"story_card heading must be one of {sorted(HEADINGS)}, not {heading!r}")
    classes = (
        "story-card" + (f" story-card--{variant}" if variant else "") + (" story-card--compact" if compact else "")
    )
    picture = ""
    if not text_only and story.lead_image:
        attributes = {"alt": story.lead_image_alt, "class": "story-card__image"}
        if variant != "lead":
            attributes["loading"] = "lazy"
        picture = photo(story.lead_image, "card_lead" if variant == "lead" else "card", **attributes)
    place = ""
    if story.neighbourhood:
        place = format_html('<a href="{}">{}</a> · ', story.neighbourhood.get_url(request), story.neighbourhood.title)
    summary = "" if compact else format_html('<p class="story-card__summary"{}>{}</p>', content_lang(), story.summary)
    return format_html(
        '<article class="{classes}">{picture}<div class="story-card__text">'
        '<{heading} class="story-card__title"{lang}><a href="{url}">{title}</a></{heading}>'
        '<p class="story-card__meta">{place}<time datetime="{iso}">{date}</time></p>{summary}</div></article>',
        classes=classes,
        picture=picture,
        heading=heading,
        lang=content_lang(),
        url=story.get_url(request),
        title=story.title,
        place=place,
        iso=iso_datetime(story.first_published_at) if story.first_published_at else "",
        date=reader_date(story.first_published_at),
        summary=summary,
    )
