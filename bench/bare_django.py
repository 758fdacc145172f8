"""A bare Django view returning a story page's HTML, as the floor any Django page costs.

Served by bench/measure.py with the same gunicorn settings as the site: `gunicorn bench.bare_django`.
"""

import os
from pathlib import Path

from django.conf import settings

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-only",
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
)

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402

STORY_HTML = Path(os.environ["BENCH_STORY_HTML"]).read_bytes()


def story(request):
    return HttpResponse(STORY_HTML)


urlpatterns = [path("", story)]
application = get_wsgi_application()
