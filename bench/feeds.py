"""What a polling feed reader costs: a full feed build against a 304 answer, in time and queries.

Run by hand against the development database with the demo content loaded:
    .venv/bin/python bench/feeds.py
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

ROUNDS = 20


def measure(client: Client, url: str, **headers) -> tuple[int, float, int]:
    timings, queries, status = [], 0, 0
    for _round in range(ROUNDS):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url, headers=headers)
            timings.append(time.perf_counter() - started)
        queries, status = len(captured), response.status_code
    return status, statistics.median(timings) * 1000, queries


def main():
    client = Client(HTTP_HOST="127.0.0.1")
    for url in ["/feeds/rss/", "/feeds/atom/"]:
        first = client.get(url)
        if first.status_code != 200:
            sys.exit(f"{url} answered {first.status_code}: load the demo content first (manage.py load_demo)")
        for label, headers in [
            ("full feed", {}),
            ("If-None-Match", {"If-None-Match": first["ETag"]}),
            ("If-Modified-Since", {"If-Modified-Since": first["Last-Modified"]}),
        ]:
            status, median_ms, queries = measure(client, url, **headers)
            print(f"{url:14} {label:18} HTTP {status}  median {median_ms:7.1f} ms  {queries:3d} queries")


if __name__ == "__main__":
    main()
