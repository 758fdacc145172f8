"""Measures the weight of a story page without its photos: the HTML and every CSS, JS and font file it loads.

Usage: python bench/page_weight.py [SITE_URL] [--story PATH]
Starts from a running site (default http://127.0.0.1:8000), opens the first story linked from the front page
(or PATH), and prints each file with its size as served and gzip-compressed, then the totals.
"""

import argparse
import gzip
import re
import sys
from html.parser import HTMLParser
from urllib.error import URLError
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import Request, urlopen

BUDGET = 150 * 1024
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
FONT_SUFFIXES = (".woff2", ".woff", ".ttf", ".otf")


class PageLinks(HTMLParser):
    """Collects what a page loads besides photos: stylesheets, scripts, preloaded fonts, inline CSS, and links."""

    def __init__(self):
        super().__init__()
        self.assets: list[tuple[str, str]] = []
        self.inline_css: list[str] = []
        self.story_links: list[str] = []
        self._in_style = self._in_story_card_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = (attrs.get("rel") or "").split()
        if tag == "link" and "stylesheet" in rel:
            self.assets.append(("css", attrs["href"]))
        elif tag == "link" and "preload" in rel and attrs.get("as") in ("font", "style", "script"):
            self.assets.append(({"style": "css", "script": "js"}.get(attrs["as"], "font"), attrs["href"]))
        elif tag == "script" and attrs.get("src"):
            self.assets.append(("js", attrs["src"]))
        elif tag == "style":
            self._in_style = True
        elif tag in ("h2", "h3") and "story-card__title" in (attrs.get("class") or ""):
            self._in_story_card_title = True
        elif tag == "a" and self._in_story_card_title:
            self.story_links.append(attrs["href"])
        if attrs.get("style"):
            self.inline_css.append(attrs["style"])

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False
        elif tag in ("h2", "h3"):
            self._in_story_card_title = False

    def handle_data(self, data):
        if self._in_style:
            self.inline_css.append(data)


def fetch(url: str) -> bytes:
    with urlopen(Request(url, headers={"User-Agent": "mahalleh-page-weight"}), timeout=30) as response:
        return response.read()


def parse(html: bytes) -> PageLinks:
    links = PageLinks()
    links.feed(html.decode("utf-8"))
    return links


def css_references(css: str, base_url: str) -> list[tuple[str, str]]:
    """Fonts and imported stylesheets a stylesheet loads; images in CSS are photos' kin and left out."""
    found = []
    for url, imported in CSS_URL.findall(css):
        if imported:
            found.append(("css", urljoin(base_url, imported)))
        elif not url.startswith("data:") and urlsplit(url).path.endswith(FONT_SUFFIXES):
            found.append(("font", urljoin(base_url, url)))
    return found


def page_files(page_url: str) -> list[tuple[str, str, bytes]]:
    """(kind, url, body) for the page and everything it loads, each file once, stylesheets followed."""
    html = fetch(page_url)
    links = parse(html)
    files = [("html", page_url, html)]
    queue = [(kind, urljoin(page_url, href)) for kind, href in links.assets]
    queue += [ref for css in links.inline_css for ref in css_references(css, page_url)]
    seen = {page_url}
    while queue:
        kind, url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        body = fetch(url)
        files.append((kind, url, body))
        if kind == "css":
            queue += css_references(body.decode("utf-8"), url)
    return files


def first_story_url(site_url: str) -> str:
    stories = parse(fetch(site_url)).story_links
    if not stories:
        sys.exit(f"No story is linked from {site_url}: load the demo content first (manage.py load_demo).")
    return urljoin(site_url, stories[0])


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("site_url", nargs="?", default="http://127.0.0.1:8000")
    arguments.add_argument("--story", help="path of the story page to weigh (default: the front page's first story)")
    options = arguments.parse_args()
    site_url = options.site_url.rstrip("/") + "/"
    try:
        page_url = urljoin(site_url, options.story) if options.story else first_story_url(site_url)
        files = page_files(page_url)
    except URLError as error:
        sys.exit(f"Could not read {site_url} ({error.reason}): start the site first (make run).")
    site_host = urlsplit(site_url).netloc
    print(f"Story page: {unquote(page_url)}\n")
    print(f"{'kind':<6} {'bytes':>9} {'gzipped':>9}  file")
    total = total_gzipped = 0
    for kind, url, body in files:
        gzipped = len(gzip.compress(body, compresslevel=6)) if kind in ("html", "css", "js") else len(body)
        total, total_gzipped = total + len(body), total_gzipped + gzipped
        shown = unquote(urlsplit(url).path) if urlsplit(url).netloc == site_host else f"{url}  (THIRD-PARTY HOST)"
        print(f"{kind:<6} {len(body):>9,} {gzipped:>9,}  {shown}")
    print(f"{'total':<6} {total:>9,} {total_gzipped:>9,}  ({len(files)} files, photos not counted)")
    verdict = "within" if total <= BUDGET else "OVER"
    print(f"\nAs served: {total / 1024:.1f} KB, {verdict} the {BUDGET // 1024} KB budget.")
    print("Fonts are counted whole even where the browser skips one for lack of matching characters.")


if __name__ == "__main__":
    main()
