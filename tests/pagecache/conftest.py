"""A small site with two neighbourhoods, warmed into the page cache, for the invalidation tests."""

import pytest
from django.utils import timezone, translation

from cms.factories import make_neighbourhood, make_photo, make_reporter, make_story
from cms.models import Topic
from pagecache import store


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def commits(django_capture_on_commit_callbacks):
    """Runs the purges a change queues for after its commit, as a real request would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


class Site:
    """Named URLs of the small site, and helpers to warm them into the cache and ask what is kept."""

    def __init__(self, client):
        self.client = client
        self.gohardasht = make_neighbourhood(title="گوهردشت", slug="gohardasht")
        self.mehrshahr = make_neighbourhood(title="مهرشهر", slug="mehrshahr")
        self.economy = Topic.objects.get(slug="local-economy")
        self.other_topic = Topic.objects.exclude(pk=self.economy.pk).first()
        self.zahra = make_reporter(display_name="زهرا احمدی", slug="zahra-ahmadi", neighbourhoods=[self.gohardasht])
        self.ali = make_reporter(display_name="علی حسینی", slug="ali-hosseini", neighbourhoods=[self.mehrshahr])
        self.photo = make_photo(title="بازارچه", seed=1, size=(320, 180))
        self.bazaar = make_story(
            neighbourhood=self.gohardasht,
            title="بازارچه مشاغل خانگی باز شد",
            reporters=[self.zahra],
            topics=[self.economy],
            tags=["بازارچه"],
            lead_image=self.photo,
            published_at=timezone.now() - timezone.timedelta(hours=2),
        )
        self.water = make_story(
            neighbourhood=self.mehrshahr,
            title="آب مهرشهر فردا قطع است",
            reporters=[self.ali],
            topics=[self.other_topic],
            published_at=timezone.now() - timezone.timedelta(hours=1),
        )
        self.tag = self.bazaar.tags.get()

    def urls(self) -> dict[str, str]:
        with translation.override("fa"):
            return self._persian_and_english_urls()

    def _persian_and_english_urls(self) -> dict[str, str]:
        return {
            "home": "/",
            "bazaar": self.bazaar.url,
            "water": self.water.url,
            "gohardasht": self.gohardasht.url,
            "mehrshahr": self.mehrshahr.url,
            "economy": self.economy.get_url(),
            "other topic": self.other_topic.get_url(),
            "tag": self.tag.get_url(),
            "zahra": self.zahra.get_url(),
            "ali": self.ali.get_url(),
            "english home": "/en/",
            "english bazaar": "/en" + self.bazaar.url,
        }

    def warm(self, *names) -> None:
        for name, url in self.urls().items():
            if not names or name in names:
                assert self.client.get(url).status_code == 200, url
                assert store.is_kept(url), url

    def kept(self) -> set[str]:
        return {name for name, url in self.urls().items() if store.is_kept(url)}

    def purged(self) -> set[str]:
        return set(self.urls()) - self.kept()


@pytest.fixture
def site(db, client):
    return Site(client)
