"""WSGI entry point for gunicorn and other servers."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

django_application = get_wsgi_application()

from pagecache.front import PageCacheFront  # noqa: E402  (needs the settings above)

application = PageCacheFront(django_application)
