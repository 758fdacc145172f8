"""Each change a newsroom makes purges exactly the cached pages and feeds that show it."""

from django.utils import timezone, translation
from wagtail.models import Site

from cms.factories import make_photo, make_story
from cms.models import ArticleCorrection, ArticlePage
from pagecache import store

from . import front_end_cache

EVERYTHING = {
    "home",
    "bazaar",
    "water",
    "gohardasht",
    "mehrshahr",
    "economy",
    "other topic",
    "tag",
    "zahra",
    "ali",
    "english home",
    "english bazaar",
}
BAZAAR_AND_ITS_LISTINGS = {"bazaar", "english bazaar", "gohardasht", "economy", "tag", "zahra", "home", "english home"}


def republish(story: ArticlePage) -> None:
    story.save_revision().publish()


def test_publishing_a_story_purges_its_listings_and_the_home_page_only(site, commits):
    site.warm()
    with commits():
        make_story(
            neighbourhood=site.gohardasht, title="پارک محله بازسازی شد", reporters=[site.zahra], topics=[site.economy]
        )
    assert site.purged() == {"gohardasht", "economy", "zahra", "home", "english home"}


def test_unpublishing_a_story_purges_its_page_and_every_listing_that_showed_it(site, commits):
    site.warm()
    with commits():
        site.bazaar.unpublish()
    assert site.purged() == BAZAAR_AND_ITS_LISTINGS


def test_a_reader_never_sees_a_story_after_it_is_unpublished(site, client, commits):
    site.warm("bazaar")
    with commits():
        site.bazaar.unpublish()
    assert client.get(site.bazaar.url).status_code == 404


def test_editing_a_live_story_purges_its_page_and_the_listings_showing_its_card(site, commits):
    site.warm()
    site.bazaar.title = "بازارچه مشاغل خانگی گوهردشت باز شد"
    with commits():
        republish(site.bazaar)
    assert site.purged() == BAZAAR_AND_ITS_LISTINGS
    assert "گوهردشت باز شد" in site.client.get(site.gohardasht.url).content.decode()


def test_adding_a_correction_purges_the_story_page_only(site, commits):
    site.warm()
    story = ArticlePage.objects.get(pk=site.bazaar.pk)
    story.corrections.add(ArticleCorrection(text="ساعت بازگشایی ده صبح است، نه نه صبح."))
    with commits():
        republish(story)
    assert site.purged() == {"bazaar", "english bazaar"}
    assert "ساعت بازگشایی" in site.client.get(site.bazaar.url).content.decode()


def test_moving_a_story_purges_both_addresses_and_both_neighbourhoods(site, commits):
    site.warm()
    old_url = site.urls()["bazaar"]
    with commits():
        site.bazaar.move(site.mehrshahr, pos="last-child")
    assert site.purged() == BAZAAR_AND_ITS_LISTINGS | {"mehrshahr"}
    with translation.override("fa"):
        new_url = ArticlePage.objects.get(pk=site.bazaar.pk).url
    assert site.client.get(old_url).status_code in (301, 404), "the old address no longer serves a copy"
    assert site.client.get(new_url).status_code == 200


def test_renaming_a_neighbourhood_purges_every_page_because_every_footer_names_it(site, commits):
    site.warm()
    site.mehrshahr.title = "مهرشهر کرج"
    with commits():
        republish(site.mehrshahr)
    assert site.purged() == EVERYTHING


def test_editing_a_neighbourhood_description_purges_that_neighbourhood_page_only(site, commits):
    site.warm()
    site.mehrshahr.description = "شهرکی در جنوب غرب کرج."
    with commits():
        republish(site.mehrshahr)
    assert site.purged() == {"mehrshahr"}


def test_renaming_a_topic_in_the_admin_purges_every_page_because_every_header_names_it(site, admin_client, commits):
    site.warm()
    topic = site.other_topic
    with commits():
        response = admin_client.post(
            f"/admin/snippets/cms/topic/edit/{topic.pk}/",
            {
                "name_fa": "آب و برق",
                "name_en": "Water and power",
                "slug": topic.slug,
                "description": "",
                "sort_order": 0,
            },
        )
    assert response.status_code == 302
    assert site.purged() == EVERYTHING


def test_editing_a_topic_description_purges_that_topic_listing_only(site, commits):
    site.warm()
    site.economy.description = "بازار، کسب‌وکار و اشتغال محله."
    with commits():
        site.economy.save()
    assert site.purged() == {"economy"}


def test_renaming_a_reporter_purges_their_page_their_stories_and_their_neighbourhoods(site, commits):
    site.warm()
    old_url = site.zahra.get_url()
    site.zahra.display_name = "زهرا احمدی‌نژاد"
    site.zahra.slug = "zahra-ahmadinejad"
    with commits():
        site.zahra.save()
    assert site.purged() == {"zahra", "bazaar", "english bazaar", "gohardasht"}
    assert not store.is_kept(old_url)


def test_renaming_a_tag_purges_its_listing_and_the_stories_it_marks(site, commits):
    site.warm()
    site.tag.name = "بازارچه محلی"
    with commits():
        site.tag.save()
    assert site.purged() == {"tag", "bazaar", "english bazaar"}


def test_changing_a_lead_photo_purges_the_pages_that_show_it(site, commits):
    site.warm()
    site.photo.focal_point_x, site.photo.focal_point_y = 10, 10
    site.photo.focal_point_width = site.photo.focal_point_height = 20
    with commits():
        site.photo.save()
    assert site.purged() == BAZAAR_AND_ITS_LISTINGS


def test_changing_a_reporter_photo_purges_their_page_and_their_neighbourhoods(site, commits):
    site.warm()
    with commits():
        site.ali.photo = make_photo(title="علی", seed=2, size=(64, 64))
        site.ali.save()
    assert site.purged() == {"ali", "mehrshahr"}


def test_editing_an_old_story_purges_only_the_listing_page_it_is_on(site, settings, commits):
    settings.STORIES_PER_PAGE = 1
    site.warm()
    page_two = site.gohardasht.url + "?page=2"
    newer = make_story(neighbourhood=site.gohardasht, title="خبر تازه‌تر", topics=[site.other_topic])
    for url in (site.gohardasht.url, page_two):
        site.client.get(url)
    site.bazaar.summary = "ده غرفه برای زنان سرپرست خانوار."
    with commits():
        republish(site.bazaar)
    assert store.is_kept(site.gohardasht.url), "page 1 shows only the newer story"
    assert not store.is_kept(page_two)
    assert newer.title in site.client.get(site.gohardasht.url).content.decode()


def test_a_feed_added_to_the_settings_is_purged_with_its_listing(site, settings, commits):
    settings.PAGE_CACHE_FEEDS = {**settings.PAGE_CACHE_FEEDS, "topic": ["{url}feed/"]}
    feed = site.economy.get_url() + "feed/"
    store.keep(feed, site.client.get("/"), host="testserver", marks_at_start=store.purge_marks(feed))
    site.bazaar.title = "بازارچه تازه"
    with commits():
        republish(site.bazaar)
    assert not store.is_kept(feed)


def test_the_sitemap_is_purged_when_a_story_is_published(site, commits):
    sitemap = "/sitemap.xml"
    store.keep(sitemap, site.client.get("/"), host="testserver", marks_at_start=store.purge_marks(sitemap))
    with commits():
        make_story(neighbourhood=site.mehrshahr, title="کلاس رایگان کامپیوتر", published_at=timezone.now())
    assert not store.is_kept(sitemap)


def test_a_story_shown_among_another_storys_related_stories_purges_that_page_too(site, settings, tmp_path, commits):
    settings.SEARCH_INDEX_DIR = tmp_path / "search-index"
    with commits():
        republish(site.bazaar)
        neighbour = make_story(
            neighbourhood=site.gohardasht,
            title="غرفه‌های بازارچه مشاغل خانگی پر شد",
            reporters=[site.zahra],
            topics=[site.economy],
        )
    neighbour_page = site.client.get(neighbour.url).content.decode()
    assert site.bazaar.title in neighbour_page, "the bazaar is among the related stories"
    assert store.is_kept(neighbour.url)
    with commits():
        site.bazaar.unpublish()
    assert not store.is_kept(neighbour.url)
    assert site.bazaar.title not in site.client.get(neighbour.url).content.decode()


def test_a_front_end_cache_is_told_to_purge_the_same_pages(site, settings, commits):
    settings.WAGTAILFRONTENDCACHE = {"recording": {"BACKEND": "tests.pagecache.front_end_cache.RecordingBackend"}}
    front_end_cache.purged.clear()
    site.warm()
    with commits():
        site.bazaar.unpublish()
    root = Site.objects.get(is_default_site=True).root_url
    urls = site.urls()
    assert set(front_end_cache.purged) >= {root + urls[name] for name in BAZAAR_AND_ITS_LISTINGS}
    assert root + urls["water"] not in front_end_cache.purged
