"""What search engines crawl: sitemap.xml (an index once it outgrows one file), the Google News
sitemap of the last 48 hours, and robots.txt pointing at both."""

import datetime

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max, Q
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_GET
from wagtail.models import Page

from .models import ArticlePage, HomePage, Reporter, Tag, Topic
from .models.visibility import publicly_visible

NEWS_WINDOW = datetime.timedelta(hours=48)
# Google News reads at most this many stories from one news sitemap.
NEWS_SITEMAP_LIMIT = 1000


class BilingualSitemap(Sitemap):
    """Every address in Persian and with the English interface, each naming the other as its
    hreflang alternate and the Persian one as x-default."""

    i18n = True
    alternates = True
    x_default = True

    @property
    def limit(self):
        return settings.SITEMAP_MAX_URLS

    def lastmod(self, item):
        return item.lastmod


class PageSitemap(BilingualSitemap):
    """Every live, public page. The home page and a neighbourhood page change whenever a story in
    them is published, so their date is the later of their own and their newest story's."""

    def items(self):
        newest = dict(
            ArticlePage.objects.published()
            .order_by()
            .values_list("neighbourhood_id")
            .annotate(newest=Max("last_published_at"))
        )
        self.listing_dates = {
            **newest,
            HomePage.objects.values_list("pk", flat=True).first(): max(
                (date for date in newest.values() if date), default=None
            ),
        }
        return (
            Page.objects.filter(publicly_visible())
            .filter(depth__gt=1)
            .order_by("path")
            .only("url_path", "last_published_at")
        )

    def lastmod(self, page):
        dates = [date for date in (page.last_published_at, self.listing_dates.get(page.pk)) if date]
        return max(dates, default=None)

    def location(self, page):
        return page.get_url_parts()[2]


class ListingSitemap(BilingualSitemap):
    """Topic, tag and reporter listings that show at least one story, dated by their newest change."""

    kind = ""
    stories_lookup = ""
    model = None

    def items(self):
        published = Q(**{f"{self.stories_lookup}__live": True})
        return (
            self.model.objects.annotate(lastmod=Max(f"{self.stories_lookup}__last_published_at", filter=published))
            .filter(lastmod__isnull=False)
            .order_by("slug")
        )

    def location(self, item):
        return HomePage.listing_url(self.kind, item.slug)


class TopicSitemap(ListingSitemap):
    kind, stories_lookup, model = "topic", "stories", Topic


class TagSitemap(ListingSitemap):
    kind, stories_lookup, model = "tag", "tagged_articles__content_object", Tag


class ReporterSitemap(ListingSitemap):
    kind, stories_lookup, model = "reporter", "stories", Reporter


SECTIONS = {"pages": PageSitemap, "topics": TopicSitemap, "tags": TagSitemap, "reporters": ReporterSitemap}


@require_GET
def sitemap_xml(request):
    """One urlset while every address fits in one file; past that, an index of numbered files."""
    total = sum(section().paginator.count for section in SECTIONS.values())
    if total <= settings.SITEMAP_MAX_URLS:
        return sitemap_views.sitemap(request, sitemaps=SECTIONS)
    return sitemap_views.index(request, sitemaps=SECTIONS, sitemap_url_name="sitemap-section")


def stories_for_news_sitemap():
    since = timezone.now() - NEWS_WINDOW
    return (
        ArticlePage.objects.published()
        .filter(first_published_at__gte=since)
        .latest_first()
        .only("title", "url_path", "first_published_at")[:NEWS_SITEMAP_LIMIT]
    )


@require_GET
def news_sitemap_xml(request):
    stories = [(request.build_absolute_uri(story.url), story) for story in stories_for_news_sitemap()]
    return render(
        request,
        "sitemaps/news.xml",
        {"stories": stories, "publication_name": settings.WAGTAIL_SITE_NAME, "publication_language": "fa"},
        content_type="application/xml; charset=utf-8",
    )


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        f"Sitemap: {request.build_absolute_uri(reverse('news-sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


urlpatterns = [
    path("sitemap.xml", sitemap_xml, name="sitemap"),
    path(
        "sitemap-<str:section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SECTIONS},
        name="sitemap-section",
    ),
    path("news-sitemap.xml", news_sitemap_xml, name="news-sitemap"),
    path("robots.txt", robots_txt, name="robots-txt"),
]
