"""Nothing the newsroom types runs in a reader's browser or sends it elsewhere.

Public XSS payloads (tests/data/xss_payloads.txt) go through the admin's own forms into every field a
reporter, a desk editor or the editor-in-chief fills in; the stories are reviewed and published; then
headless Chromium reads every public page that shows them, the feeds, the feeds' HTML as a feed reader
would show it, and the admin pages where the newsroom reads them back (comments, review notes). The
test fails if any script runs, any active markup survives, or any request goes to another host.

The site's Content-Security-Policy would stop most injected scripts; it is switched off in this browser
so that the test proves the escaping and sanitising themselves, not the second line of defence.
"""

import json
from dataclasses import dataclass
from urllib.parse import quote, urlsplit
from urllib.request import urlopen
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Comment, CommentReply

from cms.factories import make_neighbourhood, make_photo
from cms.models import ArticleCorrection, ArticlePage, NeighbourhoodPage, Reporter, Tag
from newsroom.roles import EDITOR_IN_CHIEF, role_group, setup_newsroom
from tests.newsroom.conftest import make_desk_editor, make_reporter_login, make_user

from .chromium import fresh_profile_dir, requested_urls, run_before_every_page, start_chromium
from .xss_newsroom import (
    PayloadRotation,
    correction,
    edit_photo,
    edit_reporter_profile,
    edit_story,
    file_story,
    read_payloads,
    story_body,
    story_fields,
    tag_names,
    workflow_action,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

STORIES = 4
# Records every call a payload could make, in this frame and (where the browser allows) the top one.
WATCH_SCRIPTS = """
(() => {
  const calls = [];
  let top_calls = calls;
  try { if (window.top !== window && window.top.__xssCalls) top_calls = window.top.__xssCalls; } catch (e) {}
  const record = (name) => function (...args) {
    const call = `${name}(${args.map(String).join(", ")}) in ${location.href}`;
    calls.push(call);
    if (top_calls !== calls) top_calls.push(call);
  };
  Object.defineProperty(window, "__xssCalls", {value: calls});
  for (const name of ["__xss", "alert", "confirm", "prompt", "print"]) window[name] = record(name);
})();
"""
# What no page may contain, whatever a payload did: handlers, active elements, script URLs, inline style.
DOM_AUDIT = """
const problems = [];
const activeTags = new Set(["IFRAME", "FRAME", "FRAMESET", "OBJECT", "EMBED", "APPLET", "BASE", "STYLE",
  "svg", "math", "META"]);
const urlAttributes = new Set(["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"]);
const safeSchemes = new Set(["http:", "https:", "mailto:", "tel:"]);
for (const element of document.querySelectorAll("*")) {
  const where = element.outerHTML.slice(0, 120);
  if (activeTags.has(element.tagName) && !(element.tagName === "META" && !element.httpEquiv)) {
    problems.push(`element <${element.tagName}>: ${where}`);
  }
  if (element.tagName === "SCRIPT") {
    if (element.type === "application/ld+json") {
      try { JSON.parse(element.textContent); } catch (e) { problems.push(`JSON-LD that does not parse: ${where}`); }
    } else if (!element.src || new URL(element.src).origin !== location.origin) {
      problems.push(`script: ${where}`);
    }
  }
  for (const attribute of element.attributes) {
    const name = attribute.name.toLowerCase();
    if (name.startsWith("on") || name === "style" || name === "formaction" || name === "srcdoc") {
      problems.push(`attribute ${name}: ${where}`);
    }
    if (urlAttributes.has(name)) {
      const scheme = new URL(attribute.value, location.href).protocol;
      if (!safeSchemes.has(scheme)) problems.push(`${scheme} URL in ${name}: ${where}`);
    }
  }
}
return problems;
"""


@dataclass(frozen=True)
class PayloadNewsroom:
    base_url: str
    neighbourhood: NeighbourhoodPage
    reporter: User
    editor: User
    chief: User


def build_newsroom_with_payloads(base_url: str) -> PayloadNewsroom:
    """Every field, typed through the admin by the person whose job it is; stories reviewed and published."""
    neighbourhood = make_neighbourhood(title="گوهردشت", description="محله‌ای در شمال غرب کرج.")
    setup_newsroom()
    reporter_user = make_reporter_login("zahra", [neighbourhood])
    colleague = make_reporter_login("reza", [neighbourhood])
    editor = make_desk_editor("dabir", [neighbourhood])
    second_editor = make_desk_editor("dabir-dovom", [neighbourhood])
    chief = make_user("sardabir")
    chief.groups.add(role_group(EDITOR_IN_CHIEF))
    client = Client()
    payloads = read_payloads()
    texts = PayloadRotation(payloads.text)

    photo = make_photo(title="عکس", seed=1)
    poster = make_photo(title="پوستر", seed=2, size=(800, 450))
    client.force_login(editor)
    for picture in (photo, poster):
        edit_photo(client, picture, title=texts.take(255), description=texts.take(255))
    client.force_login(chief)
    byline = [reporter_user.reporter_profile, colleague.reporter_profile]
    for reporter in byline:
        edit_reporter_profile(client, reporter, display_name=texts.take(120), bio=texts.take(600))

    tags = tag_names(payloads.text)
    for number in range(STORIES):
        body = story_body(texts, payloads, photo=photo, poster=poster)
        fields = story_fields(number, texts, photo=photo, tags=tags[number::STORIES])
        story = file_story(client, reporter_user, neighbourhood, {**fields, **body}, byline)
        comment = (texts.take(1000), texts.take(1000))
        edit_story(client, reporter_user, story, body, action="submit", comment=comment)
        workflow_action(client, editor, story, "reject", comment=texts.take(1000))
        edit_story(
            client,
            editor,
            story,
            {**body, **correction(texts.take(1000))},
            comment=(texts.take(1000), ""),
        )
        edit_story(client, reporter_user, story, body, action="submit")
        workflow_action(client, second_editor, story, "approve")
        assert ArticlePage.objects.get(pk=story.pk).live
    assert (Comment.objects.count(), CommentReply.objects.count()) == (2 * STORIES, STORIES)
    assert ArticleCorrection.objects.count() == STORIES
    call_command("search_index", "rebuild", verbosity=0)
    return PayloadNewsroom(base_url, neighbourhood, reporter=reporter_user, editor=editor, chief=chief)


@pytest.fixture
def payload_site(live_server, settings, tmp_path) -> PayloadNewsroom:
    settings.SEARCH_INDEX_DIR = tmp_path / "search-index"
    return build_newsroom_with_payloads(live_server.url)


@pytest.fixture
def watching_browser():
    with fresh_profile_dir() as profile:
        driver = start_chromium(profile, record_requests=True)
        driver.set_page_load_timeout(30)
        run_before_every_page(driver, WATCH_SCRIPTS)
        driver.execute_cdp_cmd("Page.setBypassCSP", {"enabled": True})
        yield driver
        driver.quit()


def public_pages(neighbourhood) -> list[str]:
    stories = list(ArticlePage.objects.live())
    assert len(stories) == STORIES
    return [
        "/",
        neighbourhood.url,
        *[story.url for story in stories],
        *[reporter.get_url() for reporter in Reporter.objects.all()],
        *[tag.get_url() for tag in Tag.objects.all()],
        *[topic.get_url() for story in stories for topic in story.topics.all()],
        "/search/?q=xss",
        "/search/?q=script",
        "/en/",
        f"/en{stories[0].url}",
    ]


def feeds(neighbourhood) -> list[str]:
    scopes = ["/feeds/", f"/feeds/neighbourhoods/{neighbourhood.slug}/"]
    scopes += [f"/feeds/reporters/{reporter.slug}/" for reporter in Reporter.objects.all()]
    return [f"{scope}{kind}/" for scope in scopes for kind in ("rss", "atom")]


HTML_IN_FEEDS = [
    "channel/description",
    "channel/item/description",
    "channel/item/{http://purl.org/rss/1.0/modules/content/}encoded",
    "{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}summary",
    "{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}content",
]


def html_a_feed_reader_shows(base_url: str, feed: str) -> list[str]:
    """The feed fields that feed readers render as HTML, as the live server writes them (absolute URLs)."""
    with urlopen(base_url + quote(feed)) as response:
        root = ElementTree.fromstring(response.read())
    return [element.text or "" for path in HTML_IN_FEEDS for element in root.findall(path)]


def what_went_wrong(driver, live_origin: str) -> list[str]:
    problems = [f"script ran: {call}" for call in driver.execute_script("return window.__xssCalls || []")]
    problems += driver.execute_script(DOM_AUDIT) if driver.execute_script("return !!document.body") else []
    return problems + off_site_requests(driver, live_origin)


def off_site_requests(driver, live_origin: str) -> list[str]:
    return [
        f"request to another host: {url}"
        for url in requested_urls(driver)
        if urlsplit(url).scheme not in ("data", "blob", "about")
        and f"{urlsplit(url).scheme}://{urlsplit(url).netloc}" != live_origin
    ]


def problems_on_public_pages_and_feeds(site: PayloadNewsroom, driver) -> dict[str, list[str]]:
    base_url, neighbourhood = site.base_url, site.neighbourhood
    problems = {}
    for path in public_pages(neighbourhood):
        driver.get(base_url + path)
        assert driver.execute_script("return document.readyState") == "complete"
        found = what_went_wrong(driver, base_url)
        if found:
            problems[path] = found
    for feed in feeds(neighbourhood):
        driver.get(base_url + feed)
        # Chromium shows a feed as an XML tree of its own making: only scripts and requests count there.
        if found := [p for p in what_went_wrong(driver, base_url) if p.startswith(("script ran", "request"))]:
            problems[feed] = found
        # A feed reader that trusts the feed puts its HTML into a page: nothing in it may run or load.
        driver.get(base_url + "/robots.txt")
        for number, html in enumerate(html_a_feed_reader_shows(base_url, feed)):
            driver.execute_script("document.body.innerHTML = arguments[0]", html)
            driver.execute_script("return new Promise(resolve => setTimeout(resolve, 100))")
            if found := what_went_wrong(driver, base_url):
                problems[f"{feed} field {number} as HTML"] = found
    return problems


# In the admin, which has inline scripts, inline styles and icons of its own, only what came from a
# payload counts: its marker in a script or a handler, or in an address with an unsafe scheme. Links to
# other sites are allowed there as on the public pages (Draftail shows each link's address).
ADMIN_AUDIT = """
const problems = [];
const fromPayload = (text) => /__xss|xss\\.invalid/.test(text);
const safeSchemes = new Set(["http:", "https:", "mailto:", "tel:"]);
for (const element of document.querySelectorAll("*")) {
  const where = element.outerHTML.slice(0, 120);
  if (element.tagName === "SCRIPT" && element.type !== "application/json" && fromPayload(element.textContent)) {
    problems.push(`script: ${where}`);
  }
  for (const attribute of element.attributes) {
    if (!fromPayload(attribute.value)) continue;
    const name = attribute.name.toLowerCase();
    if (name.startsWith("on") || ["srcdoc", "style", "formaction"].includes(name)) {
      problems.push(`attribute ${name}: ${where}`);
    } else if (["href", "src", "action", "data"].includes(name)) {
      const address = new URL(attribute.value, location.href);
      if (!safeSchemes.has(address.protocol) || (name !== "href" && address.origin !== location.origin)) {
        problems.push(`${address.protocol} address in ${name}: ${where}`);
      }
    }
  }
}
return problems;
"""


def log_in(driver, base_url: str, user) -> None:
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    driver.execute_cdp_cmd(
        "Network.setCookie", {"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base_url}
    )


def admin_pages(site: PayloadNewsroom) -> dict:
    stories = list(ArticlePage.objects.live())
    story_pages = [reverse("wagtailadmin_pages:edit", args=[story.pk]) for story in stories]
    return {
        site.reporter: [reverse("wagtailadmin_home"), story_pages[0]],
        site.editor: [
            reverse("wagtailadmin_home"),
            *story_pages,
            reverse("wagtailadmin_pages:history", args=[stories[0].pk]),
            reverse("wagtailadmin_explore", args=[site.neighbourhood.pk]),
            reverse("wagtailimages:index"),
        ],
        site.chief: [
            reverse("wagtailsnippets_cms_reporter:list"),
            reverse("wagtailsnippets_cms_reporter:edit", args=[Reporter.objects.first().pk]),
            reverse("wagtailadmin_reports:site_history"),
        ],
    }


def problems_in_the_admin(site: PayloadNewsroom, driver) -> dict[str, list[str]]:
    """Comments, review notes and everything else typed are shown back to reporters and editors."""
    problems = {}
    for user, paths in admin_pages(site).items():
        driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
        log_in(driver, site.base_url, user)
        for path in paths:
            driver.get(site.base_url + path)
            assert urlsplit(driver.current_url).path == path, f"{user} could not open {path}"
            # The comments, drawn by the admin's own scripts once the page has loaded.
            driver.execute_script("return new Promise(resolve => setTimeout(resolve, 300))")
            found = [f"script ran: {call}" for call in driver.execute_script("return window.__xssCalls || []")]
            found += driver.execute_script(ADMIN_AUDIT)
            found += off_site_requests(driver, site.base_url)
            if found:
                problems[f"{user} {path}"] = found
    return problems


def test_no_payload_runs_or_reaches_another_host_on_public_pages_feeds_or_the_admin(payload_site, watching_browser):
    requested_urls(watching_browser)  # forget the browser's own start page
    problems = problems_on_public_pages_and_feeds(payload_site, watching_browser)
    problems |= problems_in_the_admin(payload_site, watching_browser)
    summary = {where: [f"{len(found)} problems, first:", *found[:5]] for where, found in problems.items()}
    assert not problems, json.dumps(summary, ensure_ascii=False, indent=1)
