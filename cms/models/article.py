"""A story: the unit of news that reporters write and editors publish."""

import datetime
import math
from operator import attrgetter

from django import forms
from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection, models
from django.db.models import F, Func, OuterRef, Window, prefetch_related_objects
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from ..blocks import StoryBodyBlock
from .images import SEARCH_RENDITIONS, SHARE_RENDITION, renditions_for
from .neighbourhood import NeighbourhoodPage
from .slugs import PersianSlugMixin, PersianSlugPageForm
from .story_relations import load_relations
from .taxonomy import PersianTaggableManager
from .visibility import ViewRestrictionsByPath, publicly_visible

WORDS_PER_MINUTE = 200
# What a story card shows (cms/templatetags/story_cards.py), and what Wagtail needs to link it.
CARD_FIELDS = ("title", "slug", "url_path", "live", "first_published_at", "summary", "lead_image_alt")
CARD_FIELDS += ("neighbourhood", "neighbourhood__title", "neighbourhood__slug", "neighbourhood__url_path")


class ArticlePageQuerySet(PageQuerySet):
    def published(self) -> "ArticlePageQuerySet":
        return self.filter(publicly_visible())

    def in_neighbourhood(self, neighbourhood) -> "ArticlePageQuerySet":
        return self.filter(neighbourhood=neighbourhood)

    def with_topic(self, topic) -> "ArticlePageQuerySet":
        return self.filter(topics=topic)

    def with_tag(self, tag) -> "ArticlePageQuerySet":
        return self.filter(tagged_items__tag=tag)

    def by_reporter(self, reporter) -> "ArticlePageQuerySet":
        return self.filter(reporters=reporter)

    def latest_first(self) -> "ArticlePageQuerySet":
        return self.order_by(F("first_published_at").desc(nulls_last=True), "-pk")

    def for_listing(self) -> "ArticlePageQuerySet":
        """Everything a story card shows, fetched in a fixed number of queries whatever the count."""
        return (
            self.select_related("neighbourhood", "lead_image")
            .prefetch_related(renditions_for("card", "card_lead"))
            .only(*CARD_FIELDS, "lead_image")
        )

    def newest_per_neighbourhood(self, neighbourhood_ids, count: int) -> "ArticlePageQuerySet":
        """The ``count`` newest stories of each of these neighbourhoods, in one query."""
        if connection.vendor == "postgresql":
            # One short newest-first index scan per neighbourhood, instead of ranking every live story
            # of the site; written as one correlated subquery, which Django builds once, rather than
            # one subquery per neighbourhood (building sixty took longer than running them).
            newest = self.filter(neighbourhood_id=OuterRef("pk")).latest_first().values("pk")[:count]
            stories = NeighbourhoodPage.objects.filter(pk__in=list(neighbourhood_ids)).annotate(
                story=Func(ArraySubquery(newest), function="unnest", output_field=models.IntegerField())
            )
            return self.filter(pk__in=stories.values("story"))
        ranked = self.annotate(
            rank_in_neighbourhood=Window(
                RowNumber(),
                partition_by=F("neighbourhood_id"),
                order_by=[F("first_published_at").desc(nulls_last=True), F("pk").desc()],
            )
        )
        return ranked.filter(rank_in_neighbourhood__lte=count)


# Apps with rules about who may fill in what (the newsroom) register a function under this Wagtail
# hook name; it receives the bound form after its own checks and may call form.add_error().
CLEAN_STORY_FORM_HOOK = "clean_story_form"


class StoryForm(PersianSlugPageForm):
    """A new story's byline starts with the reporter who is writing it; the newsroom's rules run on clean."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        writer = getattr(self.for_user, "reporter_profile", None)
        if writer and self.instance._state.adding and "reporters" in self.fields and not self.initial.get("reporters"):
            self.initial["reporters"] = [writer.pk]

    def clean(self):
        cleaned_data = super().clean()
        # As for the body's photos (cms.blocks.require_alt_text), a draft may wait for its alt text.
        lead_alt = (cleaned_data.get("lead_image_alt") or "").strip()
        if cleaned_data.get("lead_image") and not lead_alt and not self.is_deferred_validation:
            self.add_error("lead_image_alt", _("Describe the lead photo for readers who cannot see it."))
        for rule in hooks.get_hooks(CLEAN_STORY_FORM_HOOK):
            rule(self)
        return cleaned_data


class ArticlePage(PersianSlugMixin, ViewRestrictionsByPath, Page):
    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("One or two sentences shown in lists and previews.")
    )
    lead_image = models.ForeignKey(
        "cms.Photo", verbose_name=_("lead photo"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lead_image_alt = models.CharField(_("alt text"), max_length=250, blank=True)
    lead_image_caption = models.CharField(_("caption"), max_length=300, blank=True)
    lead_image_credit = models.CharField(_("credit"), max_length=120, blank=True)
    body = StreamField(StoryBodyBlock(), verbose_name=_("body"))
    reporters = ParentalManyToManyField("cms.Reporter", verbose_name=_("byline"), related_name="stories")
    topics = ParentalManyToManyField("cms.Topic", verbose_name=_("topics"), related_name="stories")
    tags = PersianTaggableManager(verbose_name=_("tags"), through="cms.ArticleTag", blank=True)
    # Derived from the tree (see cms/signals.py) so that lists filter and group by neighbourhood
    # in one query instead of walking page paths.
    neighbourhood = models.ForeignKey(
        "cms.NeighbourhoodPage", null=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )

    objects = PageManager.from_queryset(ArticlePageQuerySet)()
    base_form_class = StoryForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_alt"),
                FieldPanel("lead_image_caption"),
                FieldPanel("lead_image_credit"),
            ],
            heading=_("Lead photo"),
        ),
        FieldPanel("body"),
        # Byline and topics are asked for when the story is submitted or published, not on every
        # draft save: Wagtail's autosave and "save draft" must keep a story from its first word.
        FieldPanel("reporters", required_on_save=False),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple, required_on_save=False),
        FieldPanel("tags"),
        InlinePanel("corrections", heading=_("Corrections"), label=_("correction")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["cms.NeighbourhoodPage"]
    subpage_types = []
    template = "pages/article_page.html"

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def save(self, *args, **kwargs):
        # New pages, copies included, take the neighbourhood they are created under.
        if self.path and (self._state.adding or self.neighbourhood_id is None):
            self.neighbourhood = NeighbourhoodPage.objects.filter(path=self.path[: -self.steplen]).first()
        super().save(*args, **kwargs)

    def plain_text(self) -> str:
        return "\n".join([self.title, self.summary, self.body.stream_block.plain_text(self.body)])

    @property
    def reading_minutes(self) -> int:
        return max(1, math.ceil(len(self.plain_text().split()) / WORDS_PER_MINUTE))

    @property
    def was_updated(self) -> bool:
        """Whether the story changed noticeably after it first went out."""
        if not (self.first_published_at and self.last_published_at):
            return False
        return self.last_published_at - self.first_published_at > datetime.timedelta(minutes=10)

    @property
    def corrections_by_date(self) -> list["ArticleCorrection"]:
        return sorted(self.corrections.all(), key=attrgetter("published_at"))

    def get_context(self, request, *args, **kwargs):
        # Everything the page shows of the story, once: the template, the structured data and the
        # share card each read these.
        load_relations(self)
        prefetch_related_objects([self], renditions_for("story_lead", extra=[SHARE_RENDITION, *SEARCH_RENDITIONS]))
        return super().get_context(request, *args, **kwargs)


class ArticleCorrection(Orderable):
    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="corrections")
    published_at = models.DateTimeField(_("date"), default=timezone.now)
    text = models.TextField(_("correction"), max_length=1000)

    panels = [FieldPanel("published_at"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
