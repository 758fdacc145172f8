"""The site a request is for is remembered per host, and forgotten as soon as an administrator changes a site."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from cms.sites import site_for_host


def test_a_site_added_for_a_host_answers_there_at_once(client, story, django_capture_on_commit_callbacks):
    home_title = Site.objects.get(is_default_site=True).root_page.title
    assert home_title in client.get("/", HTTP_HOST="gohardasht.example").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        Site.objects.create(hostname="gohardasht.example", port=80, root_page=story.neighbourhood)
    page = client.get("/", HTTP_HOST="gohardasht.example").content.decode()
    assert story.neighbourhood.description in page


def test_the_home_page_is_remembered_with_its_site_and_forgotten_when_published(
    client, story, django_capture_on_commit_callbacks
):
    client.get("/")
    home = Site.objects.get(is_default_site=True).root_page.specific
    # Routing the next request needs no query for the site or its home page.
    with CaptureQueriesContext(connection) as queries:
        assert client.get(story.url).status_code == 200
    assert not [query for query in queries if "cms_homepage" in query["sql"] or "wagtailcore_site" in query["sql"]]

    home.title = "محله، خبرهای کرج"
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    assert site_for_host("testserver", 80).root_page.specific.title == "محله، خبرهای کرج"
