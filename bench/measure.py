"""Requests/s, p50 and p99 for home, neighbourhood, topic and story pages, cached and uncached, and the
search page (never cached), the cached story gzipped as browsers take it, the home page in a burst of
readers right after a purge, beside nginx serving the same story as a static file and a bare Django
view; CPU per uncached request, SQL queries per page, and each worker's memory after the run.

Run by hand after bench/generate_stories.py, with wrk installed (apt-get install wrk nginx-light):
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/mahalleh_bench \\
    BENCH_REDIS_URL=redis://127.0.0.1:6379/0 .venv/bin/python bench/measure.py

Every load run is bounded (BENCH_SECONDS each, 64 connections) and aimed at 127.0.0.1 only.
"""

import http.client
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PORT = int(os.environ.get("BENCH_PORT", "8106"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = 64
# wrk gives up on a request after 2 s by default and counts it as an error; a request queued behind
# uncached renders is slow, not failed, so it counts in the latencies instead.
CLIENT_TIMEOUT = "30s"
# Any query other than ?page=N bypasses the page cache (pagecache/policy.py): a fresh render.
UNCACHED = "?bench=uncached"
# Search results are never kept in the page cache (any query string bypasses it), so the search
# page is measured fresh only: a two-word query with a neighbourhood filter, as readers send it.
MODES = (("cached", ""), ("uncached", UNCACHED))
TAKES_GZIP = "Accept-Encoding: gzip, deflate, br"
SEARCH = "/search/?q=" + urllib.parse.quote("آب کرج") + "&neighbourhood={neighbourhood}"

ENVIRONMENT = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "false",
    "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/mahalleh_bench"),
    "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0"),
    "GUNICORN_BIND": f"127.0.0.1:{PORT}",
    "WEB_CONCURRENCY": "2",
    "TWO_FACTOR_ENFORCED": "false",
}


def wait_for(url: str) -> None:
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=60).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer")


def start(command: list[str], **extra) -> subprocess.Popen:
    return subprocess.Popen(command, cwd=ROOT, env={**ENVIRONMENT, **extra}, start_new_session=True)


def stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGINT)  # gunicorn's quick shutdown: in-flight bench requests may go
    process.wait(timeout=60)


def worker_pids(master: subprocess.Popen) -> list[int]:
    output = subprocess.run(["pgrep", "-P", str(master.pid)], capture_output=True, text=True).stdout
    return [int(pid) for pid in output.split()]


def cpu_seconds(master: subprocess.Popen) -> float:
    """CPU time of every worker so far: the live ones, and those gunicorn replaced (reaped children)."""

    def times(pid: int, first: int) -> int:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            return 0
        return int(fields[first]) + int(fields[first + 1])

    ticks = times(master.pid, 13) + sum(times(pid, 11) for pid in worker_pids(master))  # cutime+cstime, utime+stime
    return ticks / os.sysconf("SC_CLK_TCK")


def cpu_per_request(master: subprocess.Popen, path: str, count: int = 100, warm_up: int = 20) -> float:
    """Worker CPU per request, one request at a time (no queueing, no client timeouts counted), over
    one kept-alive connection, as nginx talks to the app servers (deploy/nginx.conf), on a warmed
    worker: the first requests for a page also compile its templates, open the search index and
    prepare its queries on the thread's database connection (after DATABASE_PREPARE_THRESHOLD runs),
    once per process. The kernel counts CPU time in 10 ms ticks: a hundred requests make the figure
    good to 0.1 ms."""
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
    try:

        def get() -> None:
            connection.request("GET", path)
            connection.getresponse().read()

        for _ in range(warm_up):  # the first also fills the page cache for the cached case
            get()
        before = cpu_seconds(master)
        for _ in range(count):
            get()
        return 1000 * (cpu_seconds(master) - before) / count
    finally:
        connection.close()


def drain(master: subprocess.Popen, limit: float = 120) -> None:
    """Waits until the workers have finished the requests a load run left queued."""
    deadline = time.monotonic() + limit
    last = cpu_seconds(master)
    while time.monotonic() < deadline:
        time.sleep(1)
        now = cpu_seconds(master)
        if now == last:
            return
        last = now


def rss_mib(pid: int) -> float:
    line = next(line for line in Path(f"/proc/{pid}/status").read_text().splitlines() if line.startswith("VmRSS"))
    return int(line.split()[1]) / 1024


def wrk(url: str, *headers: str) -> dict:
    options = ["-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--timeout", CLIENT_TIMEOUT, "--latency"]
    options += [option for header in headers for option in ("-H", header)]
    output = subprocess.run(
        ["wrk", *options, url],
        capture_output=True,
        text=True,
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    errors = re.search(r"Socket errors: (.*)$", output, re.MULTILINE)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "p50": latency.get("50", "?"),
        "p99": latency.get("99", "?"),
        "errors": (errors.group(1) if errors else "none") + (f"; non-2xx {non_2xx.group(1)}" if non_2xx else ""),
    }


def page_urls() -> tuple[dict[str, str], str]:
    """The pages measured, and the search URL (filtered to the measured neighbourhood)."""
    script = (
        "import django; django.setup()\n"
        "from cms.models import ArticlePage, NeighbourhoodPage, Topic\n"
        "n = NeighbourhoodPage.objects.order_by('path')[30]\n"
        "s = ArticlePage.objects.published().in_neighbourhood(n).latest_first()[500]\n"
        "print('/'); print(n.url); print(Topic.objects.first().get_url()); print(s.url); print(n.slug)\n"
    )
    lines = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=ENVIRONMENT, capture_output=True, text=True, check=True
    ).stdout.split()
    *pages, neighbourhood_slug = lines
    search = SEARCH.format(neighbourhood=urllib.parse.quote(neighbourhood_slug))
    return dict(zip(["home", "neighbourhood", "topic", "story"], pages, strict=True)), search


def query_counts(urls: dict[str, str]) -> dict[str, int]:
    script = (
        "import sys, django; django.setup()\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        "client = Client(HTTP_HOST='127.0.0.1')\n"
        "for url in sys.argv[1:]:\n"
        "    client.get(url)\n"
        "    with CaptureQueriesContext(connection) as queries:\n"
        "        assert client.get(url).status_code == 200\n"
        "    print(len(queries))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", script, *[url + UNCACHED for url in urls.values()]],
        cwd=ROOT,
        env=ENVIRONMENT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return dict(zip(urls, map(int, output), strict=True))


def empty_page_cache() -> None:
    import redis

    client = redis.Redis.from_url(ENVIRONMENT["REDIS_URL"])
    for key in client.scan_iter("*page:*"):
        client.delete(key)


def nginx_static(story_html: Path) -> dict:
    prefix = Path(tempfile.mkdtemp(prefix="mahalleh-nginx-"))
    prefix.chmod(0o755)  # nginx's workers run as an unprivileged user
    shutil.copy(story_html, prefix / "story.html")
    (prefix / "story.html").chmod(0o644)
    (prefix / "nginx.conf").write_text(
        "worker_processes 2; pid nginx.pid; error_log stderr;\n"
        "events { worker_connections 1024; }\n"
        "http { access_log off; sendfile on; keepalive_requests 100000;\n"
        f"  server {{ listen 127.0.0.1:{PORT}; root {prefix}; location / {{ }} }} }}\n"
    )
    nginx = subprocess.Popen(["nginx", "-p", str(prefix), "-c", "nginx.conf", "-g", "daemon off;"], cwd=prefix)
    try:
        wait_for(f"http://127.0.0.1:{PORT}/story.html")
        return wrk(f"http://127.0.0.1:{PORT}/story.html")
    finally:
        nginx.send_signal(signal.SIGQUIT)
        nginx.wait(timeout=30)
        shutil.rmtree(prefix, ignore_errors=True)


def reference_loop_seconds() -> float:
    """CPU time of a fixed Python loop on this interpreter, the fastest of three: hosts here differ
    from day to day by up to three times, so figures are compared through it."""
    times = []
    for _ in range(3):
        start = time.process_time()
        sum(range(3 * 10**7))
        times.append(time.process_time() - start)
    return min(times)


def main():
    print(f"Python {sys.version.split()[0]} at {sys.executable}; reference loop {reference_loop_seconds():.2f} s")
    subprocess.run(
        [BIN / "python", "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=ENVIRONMENT, check=True
    )
    urls, search = page_urls()
    print(f"Pages: {urls}, search: {search}\nSQL queries per uncached page: {query_counts(urls)}")
    # Cached pages first: an uncached run leaves requests queued that would starve the next run.
    runs = {f"{name} {mode}": url + suffix for mode, suffix in MODES for name, url in urls.items()}
    runs["search uncached"] = search
    base = f"http://127.0.0.1:{PORT}"
    results = {}
    gunicorn = start([BIN / "gunicorn", "-c", "config/gunicorn.py", "config.asgi"])
    try:
        wait_for(base + "/")
        # CPU per request first, on idle workers, so no queued load-test request is counted.
        cpu = {run: cpu_per_request(gunicorn, url) for run, url in runs.items()}

        def load(run: str, url: str, *headers: str) -> dict:
            before = cpu_seconds(gunicorn)
            result = results[run] = wrk(base + url, *headers)
            result["cpu_ms_under_load"] = 1000 * (cpu_seconds(gunicorn) - before) / max(result["requests"], 1)
            print(f"{run}: {result}", flush=True)
            return result

        for run, url in runs.items():
            load(run, url)["cpu_ms"] = cpu[run]
            drain(gunicorn)
        # As browsers ask for it: the copy gzipped when the page was kept.
        load("story cached, gzip", urls["story"], TAKES_GZIP)
        # A burst of readers right after a publish purged the home page: one of them renders it.
        empty_page_cache()
        load("home just purged", urls["home"])
        story_html = Path(tempfile.mkdtemp(prefix="mahalleh-story-")) / "story.html"
        story_html.write_bytes(urllib.request.urlopen(base + urls["story"]).read())
        memory = {pid: rss_mib(pid) for pid in worker_pids(gunicorn)}
    finally:
        stop(gunicorn)
    # As a bare Django view is usually served: gunicorn's threaded WSGI worker.
    bare = start(
        [BIN / "gunicorn", "-c", "config/gunicorn.py", "-k", "gthread", "--threads", "4", "bench.bare_django"],
        BENCH_STORY_HTML=str(story_html),
    )
    try:
        wait_for(base + "/")
        results["bare Django view"] = wrk(base + "/")
    finally:
        stop(bare)
    results["nginx static story"] = nginx_static(story_html)

    print(
        f"\n{CONNECTIONS} connections, {SECONDS} s each, gunicorn 2 workers (uvicorn's worker: cached pages on the "
        "event loop, renders in its WSGI threads; the bare view on gthread), wrk -t2 on the same 2 cores"
    )
    print(f"{'page':<24}{'req/s':>10}{'p50':>10}{'p99':>10}{'CPU ms/req':>12}  errors")
    for name, result in results.items():
        if "cpu_ms" in result:
            cpu = f"{result['cpu_ms']:.2f}"
        else:  # a burst has no idle-worker figure: CPU per request during the run, in brackets
            cpu = f"({result['cpu_ms_under_load']:.2f})" if "cpu_ms_under_load" in result else "-"
        print(f"{name:<24}{result['rps']:>10.0f}{result['p50']:>10}{result['p99']:>10}{cpu:>12}  {result['errors']}")
    static = results["nginx static story"]["rps"]
    print(f"\ncached story / nginx static: {results['story cached']['rps'] / static:.0%}")
    print(f"bare Django view / nginx static: {results['bare Django view']['rps'] / static:.0%}")
    print("RSS per worker after the run (MiB): " + ", ".join(f"{rss:.0f}" for rss in memory.values()))
    print(f"reference loop at the end: {reference_loop_seconds():.2f} s")


if __name__ == "__main__":
    main()
