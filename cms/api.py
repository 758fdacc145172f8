"""The read API (Wagtail API v2 at /api/v2/): published stories, neighbourhoods, topics, reporters
and their photos, read-only and throttled per client.

Each endpoint names the fields it shows instead of inheriting Wagtail's defaults, so that nothing a
reader cannot see on the site (drafts, private pages, unpublished revisions, user accounts, original
photo files) can reach a response.
"""

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.filters import BaseFilterBackend
from rest_framework.renderers import JSONRenderer
from rest_framework.throttling import SimpleRateThrottle
from wagtail.api import APIField
from wagtail.api.v2.filters import FieldsFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from .models import ArticleCorrection, ArticlePage, NeighbourhoodPage, Reporter, Topic
from .models.images import BODY_RENDITIONS, SHARE_RENDITION, rendition_urls
from .models.visibility import publicly_visible

STORY_RENDITIONS = ("fill-400x225", "width-800", "width-1200", SHARE_RENDITION)
PORTRAIT_RENDITIONS = ("fill-160x160", "fill-400x400")
PAGING_PARAMETERS = frozenset(["limit", "offset", "fields"])


class ReadApiThrottle(SimpleRateThrottle):
    """Requests per client address, at the rate READ_API_THROTTLE_RATE sets."""

    scope = "read_api"

    def get_rate(self):
        return settings.READ_API_THROTTLE_RATE

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class RenditionsField(serializers.Field):
    """Absolute URLs and sizes of a photo's renditions, keyed by filter spec."""

    def __init__(self, specs: tuple[str, ...], **kwargs):
        self.specs = specs
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, photo):
        return rendition_urls(photo, self.specs, self.context["request"])


class SiteUrlField(serializers.Field):
    """The absolute address of the object's page on the site (``source`` names its URL method)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, url):
        return self.context["request"].build_absolute_uri(url)


class LiveNeighbourhoodsField(serializers.Field):
    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, neighbourhoods):
        absolute = self.context["request"].build_absolute_uri
        return [
            {"id": n.pk, "title": n.title, "slug": n.slug, "html_url": absolute(n.url)}
            for n in neighbourhoods.all()
            if n.live
        ]


class CorrectionSerializer(serializers.ModelSerializer):
    class Meta:
        model = ArticleCorrection
        fields = ["published_at", "text"]


def _date_bound(value: str, *, name: str, end_of_day: bool) -> datetime.datetime:
    moment = parse_datetime(value)
    if moment is None:
        day = parse_date(value)
        if day is None:
            raise BadRequestError(
                _("%(name)s must be a date (2025-03-17) or a date and time (2025-03-17T08:00:00+03:30).")
                % {"name": name}
            )
        moment = datetime.datetime.combine(day, datetime.time.max if end_of_day else datetime.time.min)
    # A bare date or time is in the site's time zone (Asia/Tehran), as readers see dates on the site.
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


class StoryFilter(BaseFilterBackend):
    """?neighbourhood= (id or slug), ?topic= and ?tag= (slugs), ?published_after= and ?published_before=."""

    def filter_queryset(self, request, queryset, view):
        params = request.GET
        if neighbourhood := params.get("neighbourhood"):
            lookup = "neighbourhood_id" if neighbourhood.isdigit() else "neighbourhood__slug"
            queryset = queryset.filter(**{lookup: neighbourhood})
        if topic := params.get("topic"):
            queryset = queryset.filter(topics__slug=topic)
        if tag := params.get("tag"):
            queryset = queryset.filter(tagged_items__tag__slug=tag)
        if after := params.get("published_after"):
            queryset = queryset.filter(
                first_published_at__gte=_date_bound(after, name="published_after", end_of_day=False)
            )
        if before := params.get("published_before"):
            queryset = queryset.filter(
                first_published_at__lte=_date_bound(before, name="published_before", end_of_day=True)
            )
        return queryset


class ReadOnlyEndpoint:
    """What every endpoint shares: JSON only, no sign-in (answers never depend on who asks), throttled."""

    renderer_classes = [JSONRenderer]
    authentication_classes = []
    throttle_classes = [ReadApiThrottle]


class StoriesEndpoint(ReadOnlyEndpoint, PagesAPIViewSet):
    name = "stories"
    model = ArticlePage
    filter_backends = [StoryFilter]
    known_query_parameters = PAGING_PARAMETERS | {
        "neighbourhood",
        "topic",
        "tag",
        "published_after",
        "published_before",
    }
    body_fields = [
        "id",
        "title",
        "summary",
        "body",
        "lead_image",
        APIField("lead_image_renditions", serializer=RenditionsField(STORY_RENDITIONS, source="lead_image")),
        "lead_image_alt",
        "lead_image_caption",
        "lead_image_credit",
        "neighbourhood",
        "reporters",
        "topics",
        "tags",
        APIField("corrections", serializer=CorrectionSerializer(many=True, read_only=True)),
    ]
    meta_fields = ["type", "detail_url", "html_url", "slug", "first_published_at", "last_published_at"]
    listing_default_fields = [
        "id",
        "type",
        "detail_url",
        "html_url",
        "slug",
        "first_published_at",
        "last_published_at",
        "title",
        "summary",
        "lead_image_renditions",
        "lead_image_alt",
        "neighbourhood",
        "topics",
    ]
    nested_default_fields = ["id", "type", "detail_url", "title"]
    detail_only_fields = []

    def check_query_parameters(self, queryset):
        # Only the filters StoryFilter documents: Wagtail would also accept any field name, and
        # "neighbourhood" would then mean an id only.
        unknown = set(self.request.GET) - self.known_query_parameters
        if unknown:
            raise BadRequestError(_("Unknown query parameters: %(names)s") % {"names": ", ".join(sorted(unknown))})

    def get_queryset(self):
        return (
            ArticlePage.objects.published()
            .latest_first()
            .select_related("neighbourhood", "lead_image")
            .prefetch_related("lead_image__renditions", "topics", "reporters", "tagged_items__tag", "corrections")
        )

    @classmethod
    def get_detail_default_fields(cls, model):
        return cls.get_available_fields(model)


class NeighbourhoodsEndpoint(ReadOnlyEndpoint, PagesAPIViewSet):
    name = "neighbourhoods"
    model = NeighbourhoodPage
    filter_backends = [FieldsFilter]
    known_query_parameters = PAGING_PARAMETERS
    body_fields = ["id", "title", "city", "description"]
    meta_fields = ["type", "detail_url", "html_url", "slug", "first_published_at"]
    listing_default_fields = ["id", "type", "detail_url", "html_url", "slug", "title", "city"]
    nested_default_fields = ["id", "type", "detail_url", "html_url", "title"]
    detail_only_fields = []

    def get_queryset(self):
        return NeighbourhoodPage.objects.filter(publicly_visible()).order_by("title")

    @classmethod
    def get_detail_default_fields(cls, model):
        return cls.get_available_fields(model)


class TopicsEndpoint(ReadOnlyEndpoint, BaseAPIViewSet):
    name = "topics"
    model = Topic
    filter_backends = [FieldsFilter]
    known_query_parameters = PAGING_PARAMETERS
    body_fields = ["id", "name_fa", "name_en", "slug", "description"]
    meta_fields = ["type", "detail_url", APIField("html_url", serializer=SiteUrlField(source="get_url"))]
    listing_default_fields = ["id", "type", "detail_url", "html_url", "name_fa", "name_en", "slug"]
    nested_default_fields = ["id", "type", "detail_url", "name_fa", "name_en", "slug"]

    def get_queryset(self):
        return Topic.objects.all()


class ReportersEndpoint(ReadOnlyEndpoint, BaseAPIViewSet):
    name = "reporters"
    model = Reporter
    filter_backends = [FieldsFilter]
    known_query_parameters = PAGING_PARAMETERS
    body_fields = [
        "id",
        "display_name",
        "slug",
        "bio",
        APIField("photo_renditions", serializer=RenditionsField(PORTRAIT_RENDITIONS, source="photo")),
        APIField("neighbourhoods", serializer=LiveNeighbourhoodsField()),
    ]
    meta_fields = ["type", "detail_url", APIField("html_url", serializer=SiteUrlField(source="get_url"))]
    listing_default_fields = ["id", "type", "detail_url", "html_url", "display_name", "slug", "photo_renditions"]
    nested_default_fields = ["id", "type", "detail_url", "html_url", "display_name", "slug"]

    def get_queryset(self):
        return Reporter.objects.with_photo().prefetch_related("neighbourhoods").order_by("display_name")


class PhotosEndpoint(ReadOnlyEndpoint, ImagesAPIViewSet):
    """Photos a reader can already see: lead photos of published stories and reporters' portraits.
    Renditions only: original files can carry camera metadata the site never shows."""

    filter_backends = [FieldsFilter]
    known_query_parameters = PAGING_PARAMETERS
    body_fields = [
        "id",
        "title",
        "width",
        "height",
        APIField("renditions", serializer=RenditionsField(BODY_RENDITIONS, source="*")),
    ]
    meta_fields = ["type", "detail_url"]
    listing_default_fields = ["id", "type", "detail_url", "title", "renditions"]
    nested_default_fields = ["id", "type", "detail_url", "title"]

    def get_queryset(self):
        shown = Q(pk__in=ArticlePage.objects.published().values("lead_image")) | Q(
            pk__in=Reporter.objects.values("photo")
        )
        return super().get_queryset().filter(shown).prefetch_related("renditions").order_by("-created_at", "-pk")


router = WagtailAPIRouter("wagtailapi")
router.register_endpoint("stories", StoriesEndpoint)
router.register_endpoint("neighbourhoods", NeighbourhoodsEndpoint)
router.register_endpoint("topics", TopicsEndpoint)
router.register_endpoint("reporters", ReportersEndpoint)
router.register_endpoint("images", PhotosEndpoint)
