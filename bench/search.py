"""Benchmark of the public search: generate N synthetic Persian stories in bulk, index them, and
measure query times, indexing rate, index size and agreement between spelling variants.

Run by hand: `.venv/bin/python bench/search.py [--stories 100000] [--queries 300] [--admin]`.
It uses its own database (var/bench/search.sqlite3, or BENCH_DATABASE_URL) and index directory,
so it never touches the site's data. Figures are printed, never asserted.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DIR = ROOT / "var" / "bench"
BENCH_DIR.mkdir(parents=True, exist_ok=True)
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{BENCH_DIR / 'search.sqlite3'}")
os.environ.setdefault("SEARCH_INDEX_DIR", str(BENCH_DIR / "search-index"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

# The test settings name their own index directory and build documents in one process; the bench
# keeps its index apart from theirs and builds documents as production does (SEARCH_INDEX_WORKERS).
settings.SEARCH_INDEX_DIR = Path(os.environ["SEARCH_INDEX_DIR"])
settings.SEARCH_INDEX_WORKERS = int(os.environ.get("SEARCH_INDEX_WORKERS", "0"))

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from wagtail.models import Page  # noqa: E402

from bench.stories import add_stories, mid_frequency_words  # noqa: E402
from cms.factories import home_page  # noqa: E402
from cms.models import ArticlePage, NeighbourhoodPage, Topic  # noqa: E402
from search.backends import SearchQuery, get_backend  # noqa: E402
from search.documents import iter_documents  # noqa: E402
from search.forms import PER_PAGE  # noqa: E402
from search.results import run_search  # noqa: E402


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def report_times(label, seconds, cpu_seconds=None):
    ms = [s * 1000 for s in seconds]
    line = f"  {label:<58} wall p50 {percentile(ms, 0.5):6.1f} p95 {percentile(ms, 0.95):6.1f} ms"
    if cpu_seconds:
        cpu = [s * 1000 for s in cpu_seconds]
        line += f" | CPU p50 {percentile(cpu, 0.5):6.1f} p95 {percentile(cpu, 0.95):6.1f} ms"
    print(f"{line} (n={len(ms)})")


def timed(run, times, cpu_times):
    started, started_cpu = time.perf_counter(), time.process_time()
    result = run()
    times.append(time.perf_counter() - started)
    cpu_times.append(time.process_time() - started_cpu)
    return result


def query_words(rng, count):
    """1-3 word queries drawn from mid-frequency corpus words (not stop words, not hapaxes)."""
    pool = mid_frequency_words()
    return [" ".join(rng.sample(pool, rng.randint(1, 3))) for _ in range(count)]


def measure_queries(queries, rng):
    neighbourhoods = list(NeighbourhoodPage.objects.all())
    backend = get_backend()
    cases = {
        "backend: text + neighbourhood + facets (20 hits)": lambda q, n: backend.search(
            SearchQuery(text=q, neighbourhoods=(n.pk,), limit=PER_PAGE)
        ),
        "backend: text, no filter, relevance": lambda q, n: backend.search(SearchQuery(text=q, limit=PER_PAGE)),
        "backend: text, newest first": lambda q, n: backend.search(SearchQuery(text=q, sort="newest")),
        "results page: text + neighbourhood + facets + highlights": lambda q, n: run_search(
            {"q": q, "neighbourhood": [n], "page": 1}
        ),
        "results page: empty query, neighbourhood, newest": lambda q, n: run_search({"neighbourhood": [n], "page": 1}),
    }
    for label, run in cases.items():
        times, cpu_times = [], []
        for q in queries:
            n = rng.choice(neighbourhoods)
            timed(lambda q=q, n=n, run=run: run(q, n), times, cpu_times)
        report_times(label, times, cpu_times)
    times, cpu_times = [], []
    for q in queries:
        timed(lambda q=q: backend.suggest(q[:4], limit=8), times, cpu_times)
    report_times("backend: suggestions (first 4 characters)", times, cpu_times)


VARIANT_PAIRS = [
    ("می‌روند", "می روند"),
    ("می‌روند", "میروند"),
    ("می‌شود", "می شود"),
    ("می‌شود", "ميشود"),
    ("نمی‌توانند", "نمی توانند"),
    ("می‌کنند", "ميكنند"),
    ("کوچه‌ها", "کوچه ها"),
    ("کوچه‌ها", "کوچهها"),
    ("خانه‌ها", "خانه ها"),
    ("بچه‌ها", "بچه‌های"),
    ("شهرداری", "شهرداري"),
    ("کتابخانه", "كتابخانه"),
    ("ایستگاه", "ايستگاه"),
    ("کودکان", "كودكان"),
    ("مسئولان", "مسئولان"),
    ("پیاده‌روی", "پیاده روی"),
    ("سال‌ها", "سالها"),
    ("نزدیک‌ترین", "نزدیک ترین"),
    ("بازارچه", "بازارچهٔ"),
    ("محله", "مَحَله"),
    ("اتوبوس", "اُتوبوس"),
    ("کمال‌شهر", "کمال شهر"),
    ("رجایی‌شهر", "رجایی شهر"),
    ("دهقان‌ویلا", "دهقان ویلا"),
    ("اسلام‌آباد", "اسلام آباد"),
    ("۱۴۰۳", "1403"),
    ("۲۰", "٢٠"),
    ("زمستان‌ها", "زمستانها"),
    ("کارگاه", "كارگاه"),
    ("درمانگاه", "درمانگاه‌ها"),
    ("مدرسه", "مدرسه‌ای"),
    ("آموزش", "اموزش"),
    ("مؤسسه", "موسسه"),
    ("شورایاری", "شورا ياري"),
]


def measure_variants():
    backend = get_backend()
    overlaps = []
    for canonical, variant in VARIANT_PAIRS:
        first = [hit.id for hit in backend.search(SearchQuery(text=canonical, limit=10)).hits]
        second = [hit.id for hit in backend.search(SearchQuery(text=variant, limit=10)).hits]
        overlap = len(set(first) & set(second)) / max(len(first), len(second), 1) if first or second else 1.0
        overlaps.append(overlap)
        print(f"  {canonical:>14} | {variant:<14} top-10 overlap {overlap:4.0%} ({len(first)}/{len(second)} hits)")
    print(
        f"  pairs: {len(overlaps)}, mean overlap {statistics.mean(overlaps):.0%}, "
        f"identical top-10 in {sum(o == 1 for o in overlaps)} of {len(overlaps)}"
    )


def compare_sqlite_fts5(queries, rng):
    """The alternative to the embedded tantivy index: SQLite FTS5 over the same normalised text,
    queried directly with a neighbourhood filter, facet counts and snippets (for the choice only)."""
    import sqlite3

    path = BENCH_DIR / "fts5-compare.sqlite3"
    path.unlink(missing_ok=True)
    fts = sqlite3.connect(path)
    fts.execute("CREATE VIRTUAL TABLE story USING fts5(title, body, neighbourhood UNINDEXED, topic UNINDEXED)")
    started = time.perf_counter()
    for batch in iter_documents():
        fts.executemany(
            "INSERT INTO story (rowid, title, body, neighbourhood, topic) VALUES (?, ?, ?, ?, ?)",
            [(d.id, d.title_terms, d.text_terms, d.neighbourhood, (d.topics or [0])[0]) for d in batch.documents],
        )
    fts.commit()
    print(f"  FTS5 table built in {time.perf_counter() - started:.0f} s, {path.stat().st_size / 1e6:.0f} MB")
    neighbourhoods = list(NeighbourhoodPage.objects.values_list("pk", flat=True))
    times, cpu_times = [], []
    for q in queries:
        match = " AND ".join(f'"{word}"' for word in SearchQuery(text=q).words)
        hood = rng.choice(neighbourhoods)

        def run(match=match, hood=hood):
            hits = fts.execute(
                "SELECT rowid, snippet(story, 1, '<mark>', '</mark>', '…', 20) FROM story "
                "WHERE story MATCH ? AND neighbourhood = ? ORDER BY rank LIMIT 20",
                (match, hood),
            ).fetchall()
            facets = fts.execute(
                "SELECT neighbourhood, count(*) FROM story WHERE story MATCH ? GROUP BY neighbourhood", (match,)
            ).fetchall()
            return hits, facets

        timed(run, times, cpu_times)
    report_times("SQLite FTS5 directly: text + neighbourhood + facets + snippets", times, cpu_times)


def measure_admin_search(queries):
    """Editors' admin page search (Wagtail's database backend, as search/admin_search.py sets it up)
    on the same stories, after `update_index` (which also refreshes the planner statistics)."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from wagtail.search.models import IndexEntry

    from search.admin_search import refresh_statistics

    if IndexEntry.objects.count() < ArticlePage.objects.count():
        started = time.perf_counter()
        call_command("update_index", verbosity=0)
        print(f"  update_index: {time.perf_counter() - started:.0f} s")
    else:
        refresh_statistics()
    user, _ = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_superuser": True, "is_staff": True}
    )
    client = Client()
    client.force_login(user)
    times, cpu_times = [], []
    for q in queries[:30]:
        response = timed(
            lambda q=q: client.get("/admin/pages/search/", {"q": q}, HTTP_HOST="127.0.0.1"), times, cpu_times
        )
        assert response.status_code == 200, response.status_code
    report_times(f"admin page search ({connection.vendor})", times, cpu_times)


def measure_indexing():
    print("Indexing (search_index rebuild: documents built from the database, then bulk-indexed) ...")
    done, started, before = 0, time.perf_counter(), os.times()

    def progress(count):
        nonlocal done
        done += count

    get_backend().rebuild(
        lambda after, encode: iter_documents(after_id=after, encode=encode), resume=False, progress=progress
    )
    seconds, after = time.perf_counter() - started, os.times()
    cpu = sum(getattr(after, f) - getattr(before, f) for f in ("user", "system", "children_user", "children_system"))
    print(f"  {done:,} stories in {seconds:.1f} s wall: {done / seconds:,.0f} stories/s")
    print(f"  CPU used by the rebuild and its workers: {cpu:.1f} s ({done / cpu:,.0f} stories per CPU-second)")
    print(f"  machine load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--admin", action="store_true", help="also measure Wagtail's admin search (slow to index)")
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--compare-fts5", action="store_true", help="also measure SQLite FTS5 on the same text")
    parser.add_argument("--reuse-index", action="store_true", help="measure the existing index, skip the rebuild")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print(f"Database: {connection.vendor} {connection.settings_dict['NAME']}; backend: {get_backend().name}")
    call_command("migrate", verbosity=0)
    if not Page.objects.filter(depth=2).exists():
        home_page()
    started = time.perf_counter()
    if added := add_stories(args.stories, rng=rng):
        print(f"  {added:,} stories generated in {time.perf_counter() - started:.0f} s")
    print(
        f"Stories: {ArticlePage.objects.count():,} over {NeighbourhoodPage.objects.count()} neighbourhoods, "
        f"{Topic.objects.count()} topics"
    )

    if not args.reuse_index:
        measure_indexing()
    described = get_backend().describe()
    print(f"  index size: {described['bytes'] / 1e6:.1f} MB ({described['documents']:,} documents)")

    queries = query_words(rng, args.queries)
    print(f"Queries ({len(queries)} of 1-3 words, each run once, warm):")
    for q in queries[:20]:
        get_backend().search(SearchQuery(text=q))
    measure_queries(queries, rng)
    print("Spelling variants (canonical | variant):")
    measure_variants()
    if args.compare_fts5:
        compare_sqlite_fts5(queries, rng)
    if args.admin:
        measure_admin_search(queries)


if __name__ == "__main__":
    main()
