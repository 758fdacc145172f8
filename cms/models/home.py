"""The province front page, and the listings by topic, tag and reporter that hang off it."""

from itertools import islice

from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page

from ..pagination import paginate
from ..persian import persian_slugify
from ..url_reversing import remembered
from .article import ArticlePage
from .neighbourhood import NeighbourhoodPage
from .reporters import Reporter
from .routing import SpecificChildRouting
from .slugs import PersianSlugMixin
from .story_reads import story_at
from .taxonomy import Tag, Topic
from .visibility import ViewRestrictionsByPath, publicly_visible

FEATURED_COUNT = 4
LATEST_COUNT = 10
STRIP_COUNT = 4


class HomePage(PersianSlugMixin, RoutablePageMixin, SpecificChildRouting, ViewRestrictionsByPath, Page):
    lead_story = models.ForeignKey(
        "cms.ArticlePage",
        verbose_name=_("lead story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to lead with the newest story."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("lead_story"),
                InlinePanel("featured_stories", max_num=FEATURED_COUNT, label=_("featured story")),
            ],
            heading=_("Front page"),
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.NeighbourhoodPage"]
    max_count = 1
    template = "pages/home_page.html"

    class Meta:
        verbose_name = _("home page")

    @classmethod
    def listing_url(cls, kind: str, slug: str) -> str:
        """The URL of a topic, tag or reporter listing, in the active UI language."""
        return _listing_url(cls, kind, slug)

    def routable_children(self):
        return NeighbourhoodPage.objects.child_of(self)

    def routable_grandchild(self, neighbourhood_slug: str, story_slug: str) -> ArticlePage | None:
        """A story found by both slugs in one query, with its neighbourhood, instead of one level at a time."""
        story = story_at(self, neighbourhood_slug, story_slug)
        # The neighbourhood field follows the tree (cms/signals.py); should it ever lag behind a
        # move, the story is routed through the tree instead.
        if story is None or story.path[: -story.steplen] != story.neighbourhood.path:
            return None
        story.neighbourhood._cached_parent_obj = self
        story._cached_parent_obj = story.neighbourhood
        return story

    def front_page_stories(self) -> tuple[ArticlePage | None, list[ArticlePage]]:
        """The lead and featured stories editors chose, topped up with the newest ones."""
        live = ArticlePage.objects.published().for_listing()
        featured_ids = list(dict.fromkeys(self.featured_stories.values_list("story_id", flat=True)))
        chosen = {story.pk: story for story in live.filter(pk__in=[self.lead_story_id, *featured_ids])}
        newest = iter(live.exclude(pk__in=chosen).latest_first()[: 1 + FEATURED_COUNT])
        lead = chosen.get(self.lead_story_id) or next(newest, None)
        featured = [chosen[pk] for pk in featured_ids if pk in chosen and chosen[pk] is not lead]
        featured += islice(newest, FEATURED_COUNT - len(featured))
        return lead, featured[:FEATURED_COUNT]

    @path("")
    def index_route(self, request, *args, **kwargs):
        # The front page's stories are gathered here rather than in get_context(), which the
        # topic, tag and reporter listings below share and which would run these queries for them too.
        return self.render(request, context_overrides=self.front_page_context())

    def front_page_context(self) -> dict:
        lead, featured = self.front_page_stories()
        shown = [story.pk for story in [lead, *featured] if story]
        live = ArticlePage.objects.published().for_listing()
        neighbourhoods = list(NeighbourhoodPage.objects.filter(publicly_visible()).child_of(self).order_by("title"))
        strips = {n.pk: [] for n in neighbourhoods}
        newest = live.newest_per_neighbourhood(strips, STRIP_COUNT)
        for story in newest.order_by("-first_published_at"):
            strips.setdefault(story.neighbourhood_id, []).append(story)
        return {
            "lead_story": lead,
            "featured_stories": featured,
            "latest_stories": live.exclude(pk__in=shown).latest_first()[:LATEST_COUNT],
            "neighbourhood_strips": [(n, strips[n.pk]) for n in neighbourhoods],
        }

    def _render_listing(self, request, *, stories, template: str, **context):
        return self.render(
            request,
            template=template,
            context_overrides={
                "stories": paginate(request, stories.published().latest_first().for_listing()),
                **context,
            },
        )

    @path("topics/<str:slug>/", name="topic")
    def topic_listing(self, request, slug):
        topic = get_object_or_404(Topic, slug=persian_slugify(slug))
        return self._render_listing(
            request, stories=ArticlePage.objects.with_topic(topic), template="pages/topic_page.html", topic=topic
        )

    @path("tags/<str:slug>/", name="tag")
    def tag_listing(self, request, slug):
        tag = Tag.objects.filter(slug=persian_slugify(slug)).first()
        if tag is None:
            raise Http404
        return self._render_listing(
            request, stories=ArticlePage.objects.with_tag(tag), template="pages/tag_page.html", tag=tag
        )

    @path("reporters/<str:slug>/", name="reporter")
    def reporter_listing(self, request, slug):
        reporter = get_object_or_404(Reporter.objects.with_photo().prefetch_related("neighbourhoods"), slug=slug)
        return self._render_listing(
            request,
            stories=ArticlePage.objects.by_reporter(reporter),
            template="pages/reporter_page.html",
            reporter=reporter,
        )


class HomeFeaturedStory(Orderable):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_stories")
    story = models.ForeignKey("cms.ArticlePage", verbose_name=_("story"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("story")]


@remembered
def _listing_url(home_page_class, kind: str, slug: str) -> str:
    # The home page is the site root, so its URL is the root of Wagtail's URLs.
    return reverse("wagtail_serve", args=[""]) + home_page_class.get_resolver().reverse(kind, slug=slug)
