"""RSS 2.0 and Atom feeds of published stories: the whole site, a neighbourhood, a topic, a reporter."""

import datetime
import hashlib
import mimetypes
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils import feedgenerator
from django.utils.cache import get_conditional_response
from django.utils.html import escape
from django.utils.http import http_date, quote_etag
from django.utils.translation import gettext as _

from .models import ArticlePage, NeighbourhoodPage, Reporter, Topic
from .models.images import SHARE_RENDITION
from .models.visibility import publicly_visible
from .persian import persian_slugify
from .sanitise import clean_feed_html

FEED_LENGTH = 30
MEDIA_RSS_NS = "http://search.yahoo.com/mrss/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DUBLIN_CORE_NS = "http://purl.org/dc/elements/1.1/"


@dataclass(frozen=True)
class FeedScope:
    """What one feed covers: its title, the site page it mirrors and its stories."""

    title: str
    link: str
    description: str
    stories: object  # an ArticlePageQuerySet of published stories

    def newest(self):
        return self.stories.published().latest_first()[:FEED_LENGTH]


def site_scope() -> FeedScope:
    return FeedScope(
        title=_("Mahalleh"),
        link="/",
        description=_("Neighbourhood news of Alborz"),
        stories=ArticlePage.objects.all(),
    )


def neighbourhood_scope(slug: str) -> FeedScope:
    neighbourhood = get_object_or_404(NeighbourhoodPage.objects.filter(publicly_visible()), slug=persian_slugify(slug))
    return FeedScope(
        title=f"{neighbourhood.title} | {_('Mahalleh')}",
        link=neighbourhood.url,
        description=neighbourhood.description or neighbourhood.title,
        stories=ArticlePage.objects.in_neighbourhood(neighbourhood),
    )


def topic_scope(slug: str) -> FeedScope:
    topic = get_object_or_404(Topic, slug=persian_slugify(slug))
    return FeedScope(
        title=f"{topic.name} | {_('Mahalleh')}",
        link=topic.get_url(),
        description=topic.description or topic.name,
        stories=ArticlePage.objects.with_topic(topic),
    )


def reporter_scope(slug: str) -> FeedScope:
    reporter = get_object_or_404(Reporter, slug=slug)
    return FeedScope(
        title=f"{reporter.display_name} | {_('Mahalleh')}",
        link=reporter.get_url(),
        description=reporter.bio or reporter.display_name,
        stories=ArticlePage.objects.by_reporter(reporter),
    )


def story_guid(story: ArticlePage) -> str:
    """Wagtail's translation key is a UUID fixed when the page is created: it survives edits,
    new slugs and moves to another neighbourhood, so feed readers never show a story twice."""
    return f"urn:uuid:{story.translation_key}"


class LeadPhotoMixin:
    """Writes the lead photo as a Media RSS element, which RSS and Atom readers both understand and
    which, unlike an RSS enclosure, needs no file size (a storage round trip per photo)."""

    def add_lead_photo(self, handler, item):
        photo = item["lead_photo"]
        if photo:
            handler.startElement(
                "media:content",
                {
                    "url": photo["url"],
                    "medium": "image",
                    "type": photo["mime_type"],
                    "width": str(photo["width"]),
                    "height": str(photo["height"]),
                },
            )
            handler.addQuickElement("media:description", photo["alt"])
            handler.endElement("media:content")


class StoryRssFeed(LeadPhotoMixin, feedgenerator.Rss201rev2Feed):
    def rss_attributes(self):
        attributes = super().rss_attributes()
        attributes.update({"xmlns:media": MEDIA_RSS_NS, "xmlns:content": CONTENT_NS, "xmlns:dc": DUBLIN_CORE_NS})
        return attributes

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        # RSS's own <author> must be an e-mail address, which the site never publishes; Dublin Core
        # names each reporter instead.
        for name, _link in item["reporters"]:
            handler.addQuickElement("dc:creator", name)
        # RSS 2.0 has no "updated" date; Atom's, in the atom namespace Django already declares, fills the gap.
        handler.addQuickElement("atom:updated", feedgenerator.rfc3339_date(item["updateddate"]))
        handler.addQuickElement("content:encoded", item["full_text"])
        self.add_lead_photo(handler, item)


class StoryAtomFeed(LeadPhotoMixin, feedgenerator.Atom1Feed):
    def root_attributes(self):
        attributes = super().root_attributes()
        attributes["xmlns:media"] = MEDIA_RSS_NS
        return attributes

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, link in item["reporters"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.addQuickElement("uri", link)
            handler.endElement("author")
        handler.addQuickElement("content", item["full_text"], {"type": "html"})
        self.add_lead_photo(handler, item)


class StoryFeed(Feed):
    """One feed format over one scope; the URL's keyword arguments choose the scope's object."""

    language = "fa"

    def __init__(self, *, feed_type, scope: Callable[..., FeedScope]):
        super().__init__()
        self.feed_type = feed_type
        self.scope = scope

    def get_object(self, request, **kwargs):
        self.request = request
        return self.scope(**kwargs)

    def title(self, scope):
        return scope.title

    def link(self, scope):
        return scope.link

    def description(self, scope):
        # RSS's <description>, like an item's, is read as HTML by many readers; Atom's subtitle is text.
        return escape(scope.description)

    def subtitle(self, scope):
        return scope.description

    def author_name(self):
        return _("Mahalleh")

    def feed_copyright(self):
        return _("Mahalleh")

    def items(self, scope):
        return (
            scope.newest()
            .select_related("neighbourhood", "lead_image")
            .prefetch_related("lead_image__renditions", "topics", "reporters")
        )

    def item_title(self, story):
        return story.title

    def item_description(self, story):
        # Readers take an item's description (RSS) and summary (Atom, written with type="html") as
        # HTML; the summary is plain text, so it goes in escaped.
        return escape(story.summary)

    def item_link(self, story):
        return story.url

    def item_guid(self, story):
        return story_guid(story)

    item_guid_is_permalink = False

    def item_pubdate(self, story):
        return story.first_published_at

    def item_updateddate(self, story):
        return story.last_published_at or story.first_published_at

    def item_categories(self, story):
        return [topic.name for topic in story.topics.all()]

    def item_extra_kwargs(self, story):
        absolute = self.request.build_absolute_uri
        return {
            "reporters": [(reporter.display_name, absolute(reporter.get_url())) for reporter in story.reporters.all()],
            "full_text": clean_feed_html(
                story.body.render_as_block(context={"request": self.request}), base_url=absolute("/")
            ),
            "lead_photo": self.lead_photo(story),
        }

    def lead_photo(self, story) -> dict | None:
        if not story.lead_image:
            return None
        rendition = story.lead_image.get_rendition(SHARE_RENDITION)
        return {
            "url": self.request.build_absolute_uri(rendition.url),
            "mime_type": mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg",
            "width": rendition.width,
            "height": rendition.height,
            "alt": story.lead_image_alt,
        }


def feed_fingerprint(scope: FeedScope) -> tuple[str, datetime.datetime | None]:
    """An ETag and a Last-Modified date from the feed's stories, read in one small query."""
    rows = list(scope.newest().values_list("pk", "last_published_at"))
    digest = hashlib.sha256(repr((scope.title, scope.description, rows)).encode()).hexdigest()[:32]
    return quote_etag(digest), max((stamp for _pk, stamp in rows if stamp), default=None)


def feed_view(feed_type, scope: Callable[..., FeedScope]):
    """The feed, answering a reader that polls an unchanged feed with a 304 before building it."""

    def view(request, **kwargs):
        etag, last_modified = feed_fingerprint(scope(**kwargs))
        timestamp = int(last_modified.timestamp()) if last_modified else None
        unchanged = get_conditional_response(request, etag=etag, last_modified=timestamp)
        if unchanged is not None:
            return unchanged
        # A feed object per request: StoryFeed keeps the request for absolute URLs.
        response = StoryFeed(feed_type=feed_type, scope=scope)(request, **kwargs)
        response.headers["ETag"] = etag
        if timestamp is not None:
            response.headers["Last-Modified"] = http_date(timestamp)
        return response

    return view


SCOPES = [
    ("", site_scope, "site"),
    ("neighbourhoods/<str:slug>/", neighbourhood_scope, "neighbourhood"),
    ("topics/<str:slug>/", topic_scope, "topic"),
    ("reporters/<str:slug>/", reporter_scope, "reporter"),
]
FORMATS = [("rss", StoryRssFeed), ("atom", StoryAtomFeed)]

urlpatterns = [
    path(f"{prefix}{format_name}/", feed_view(feed_type, scope), name=f"feed-{scope_name}-{format_name}")
    for prefix, scope, scope_name in SCOPES
    for format_name, feed_type in FORMATS
]
