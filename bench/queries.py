"""SQL queries per public page on the demo site (an in-memory copy, so nothing local is touched).

Run: .venv/bin/python bench/queries.py
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.pop("DATABASE_URL", None)

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402


def main() -> None:
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        from cms.demo.content import load_demo_content
        from cms.models import ArticlePage, NeighbourhoodPage, Topic

        load_demo_content()
        story = ArticlePage.objects.live().latest_first().first()
        pages = {
            "home": "/",
            "neighbourhood": NeighbourhoodPage.objects.get(pk=story.neighbourhood_id).url,
            "topic": Topic.objects.get(slug="health").get_url(),
            "story": story.url,
        }
        client = Client()
        print(f"{'page':<15}{'queries (cold)':>16}{'queries (warm)':>16}{'HTML bytes':>12}")
        for name, url in pages.items():
            counts = []
            for _ in range(2):  # the first visit also creates image renditions
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(url)
                assert response.status_code == 200, (url, response.status_code)
                counts.append(len(queries))
            print(f"{name:<15}{counts[0]:>16}{counts[1]:>16}{len(response.content):>12}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
