"""Template tags that let readers and machines find and reuse a page: canonical and hreflang links,
feed links, OpenGraph and Twitter cards, JSON-LD and share links."""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.translation import gettext as _

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


@register.simple_tag(takes_context=True)
def canonical_links(context):
    request = context.get("request")
    if request is None:  # the 500 page renders without one
        return ""
    query = canonical_query(request)
    alternates = {
        code: request.build_absolute_uri(path_in_language(request, code)) + query for code, _name in settings.LANGUAGES
    }
    return format_html(
        '<link rel="canonical" href="{}">\n{}\n<link rel="alternate" hreflang="x-default" href="{}">',
        canonical_url(request),
        format_html_join("\n", '<link rel="alternate" hreflang="{}" href="{}">', alternates.items()),
        alternates[settings.LANGUAGE_CODE],
    )


@register.simple_tag
def feed_links(scope: str = "site", slug: str = "", title: str = ""):
    """RSS and Atom <link rel="alternate"> for the site, or for one neighbourhood, topic or reporter."""
    args = {"slug": slug} if slug else {}
    title = title or _("Mahalleh")
    return format_html(
        '<link rel="alternate" type="application/rss+xml" title="{} (RSS)" href="{}">\n'
        '<link rel="alternate" type="application/atom+xml" title="{} (Atom)" href="{}">',
        title,
        reverse_remembered(f"feed-{scope}-rss", kwargs=args),
        title,
        reverse_remembered(f"feed-{scope}-atom", kwargs=args),
    )


@register.simple_tag(takes_context=True)
def social_card(context, *, title: str, description: str, kind: str = "website", image=None, image_alt: str = ""):
    """OpenGraph and Twitter card <meta> elements; a story's (kind "article") with its dates, topics
    and tags."""
    request = context["request"]
    if image:
        rendition = image.get_rendition(SHARE_RENDITION)
        image_url = request.build_absolute_uri(rendition.url)
    else:
        image_url = request.build_absolute_uri(static(structured_data.LOGO_PATH))
    opengraph = [
        ("og:site_name", _("Mahalleh")),
        ("og:type", kind),
        ("og:title", title),
        ("og:description", description),
        ("og:url", canonical_url(request)),
        ("og:locale", OPENGRAPH_LOCALES.get(translation.get_language(), "fa_IR")),
        ("og:image", image_url),
    ]
    if image:
        opengraph += [("og:image:width", rendition.width), ("og:image:height", rendition.height)]
        opengraph += [("og:image:alt", image_alt)]
    story = context.get("page") if kind == "article" else None
    if story:
        published = story.first_published_at  # None in a preview of a story never published
        modified = story.last_published_at or published
        opengraph += [
            ("article:published_time", structured_data.iso_datetime(published) if published else ""),
            ("article:modified_time", structured_data.iso_datetime(modified) if modified else ""),
            *[("article:section", topic.name) for topic in story.topics.all()],
            *[("article:tag", tag.name) for tag in story.tags.all()],
        ]
    twitter = [
        ("twitter:card", "summary_large_image" if image else "summary"),
        ("twitter:title", title),
        ("twitter:description", description),
        ("twitter:image", image_url),
        *([("twitter:image:alt", image_alt)] if image else []),
    ]
    return format_html(
        "{}\n{}",
        format_html_join("\n", '<meta property="{}" content="{}">', opengraph),
        format_html_join("\n", '<meta name="{}" content="{}">', twitter),
    )


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
