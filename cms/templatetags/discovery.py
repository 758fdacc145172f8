"""Template tags that let readers and machines find and reuse a page: canonical and hreflang links,
feed links, OpenGraph and Twitter cards, JSON-LD and share links."""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils import translation
from django.utils.http import urlencode

from .. import structured_data
from ..languages import path_in_language
from ..models.images import SHARE_RENDITION
from ..sharing import share_links
from ..url_reversing import reverse_remembered

register = template.Library()

OPENGRAPH_LOCALES = {"fa": "fa_IR", "en": "en_GB"}


def canonical_query(request) -> str:
    """Only the list page number survives from the query."""
    page_number = request.GET.get("page", "")
    return f"?{urlencode({'page': page_number})}" if page_number not in ("", "1") else ""


def canonical_url(request) -> str:
    """The page's own address in its UI language."""
    return request.build_absolute_uri(request.path) + canonical_query(request)


@register.inclusion_tag("components/canonical_links.html", takes_context=True)
def canonical_links(context):
    request = context.get("request")
    if request is None:  # the 500 page renders without one
        return {}
    query = canonical_query(request)
    alternates = {
        code: request.build_absolute_uri(path_in_language(request, code)) + query for code, _name in settings.LANGUAGES
    }
    return {
        "canonical": canonical_url(request),
        "alternates": alternates.items(),
        "x_default": alternates[settings.LANGUAGE_CODE],
    }


@register.inclusion_tag("components/feed_links.html")
def feed_links(scope: str = "site", slug: str = "", title: str = ""):
    """RSS and Atom <link rel="alternate"> for the site, or for one neighbourhood, topic or reporter."""
    args = {"slug": slug} if slug else {}
    return {
        "title": title,
        "rss": reverse_remembered(f"feed-{scope}-rss", kwargs=args),
        "atom": reverse_remembered(f"feed-{scope}-atom", kwargs=args),
    }


@register.inclusion_tag("components/social_card.html", takes_context=True)
def social_card(context, *, title: str, description: str, kind: str = "website", image=None, image_alt: str = ""):
    request = context["request"]
    card = {
        "title": title,
        "description": description,
        "kind": kind,
        "url": canonical_url(request),
        "locale": OPENGRAPH_LOCALES.get(translation.get_language(), "fa_IR"),
        "story": context.get("page") if kind == "article" else None,
    }
    if image:
        rendition = image.get_rendition(SHARE_RENDITION)
        card.update(image_url=request.build_absolute_uri(rendition.url), image=rendition, image_alt=image_alt)
    else:
        card.update(image_url=request.build_absolute_uri(static(structured_data.LOGO_PATH)), image_alt="")
    return card


@register.simple_tag(takes_context=True)
def story_structured_data(context, story):
    request = context["request"]
    trail = [(story.title, request.path)]
    if story.neighbourhood:
        trail.insert(0, (story.neighbourhood.title, story.neighbourhood.get_url(request)))
    return structured_data.json_ld_script(
        structured_data.news_article(request, story)
    ) + structured_data.json_ld_script(structured_data.breadcrumbs(request, trail))


@register.simple_tag(takes_context=True)
def breadcrumb_structured_data(context, name: str):
    """The breadcrumb of a page one level below the home page (a neighbourhood or a listing)."""
    request = context["request"]
    return structured_data.json_ld_script(structured_data.breadcrumbs(request, [(name, request.path)]))


@register.simple_tag(takes_context=True)
def website_structured_data(context):
    return structured_data.json_ld_script(structured_data.website(context["request"]))


@register.inclusion_tag("components/share_links.html", takes_context=True)
def share_story(context, story):
    url = canonical_url(context["request"])
    return {
        "url": url,
        "links": share_links(url=url, title=story.title),
    }
