"""Tests: fast password hashing, in-memory e-mail, the database from DATABASE_URL or SQLite."""

import tempfile
from urllib.parse import urlsplit

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SERVE_MEDIA = True

# Photo originals go to a throwaway folder (removed by tests/conftest.py), never into var/.
PHOTO_ORIGINALS_ROOT = Path(tempfile.gettempdir()) / f"mahalleh-test-originals-{os.getpid()}"
STORAGES["photo_originals"] = {
    "BACKEND": "cms.photos.storages.PrivateFileSystemStorage",
    "OPTIONS": {"location": str(PHOTO_ORIGINALS_ROOT)},
}
# Each test process (each pytest-xdist worker) its own embedded index, in a throwaway folder (removed
# by tests/conftest.py): a shared one would show one worker's stories in another's related stories.
SEARCH_INDEX_DIR = Path(tempfile.gettempdir()) / f"mahalleh-test-search-index-{os.getpid()}"
# Test data lives in a transaction (or in memory) that forked workers cannot see.
SEARCH_INDEX_WORKERS = 1
# Hashed static names need collectstatic first; tests render templates without it.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
STATIC_ROOT = None  # WhiteNoise serves from the finders in tests; nothing is collected

# Pages are rendered fresh in tests, whose data changes inside transactions that never commit (and
# so never purge); tests/pagecache turns the cache on and drives purges itself.
PAGE_CACHE_ENABLED = False

if REDIS_URL:
    # Parallel test workers (pytest-xdist) each get their own Redis database: tests clear the
    # cache, which must not empty another worker's.
    _worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    _location = urlsplit(REDIS_URL)._replace(path=f"/{10 + _worker}").geturl()
    for _cache in CACHES.values():
        _cache["LOCATION"] = _location
