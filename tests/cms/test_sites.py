"""The site a request is for is remembered per host, and forgotten as soon as an administrator changes a site."""

from wagtail.models import Site


def test_a_site_added_for_a_host_answers_there_at_once(client, story, django_capture_on_commit_callbacks):
    home_title = Site.objects.get(is_default_site=True).root_page.title
    assert home_title in client.get("/", HTTP_HOST="gohardasht.example").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        Site.objects.create(hostname="gohardasht.example", port=80, root_page=story.neighbourhood)
    page = client.get("/", HTTP_HOST="gohardasht.example").content.decode()
    assert story.neighbourhood.description in page
