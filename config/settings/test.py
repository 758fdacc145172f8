"""Tests: fast password hashing, in-memory e-mail, the database from DATABASE_URL or SQLite."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SERVE_MEDIA = True
# Each test gets its own embedded index directory (tests/conftest.py).
SEARCH_INDEX_DIR = BASE_DIR / "var" / "test-search-index"
# Test data lives in a transaction (or in memory) that forked workers cannot see.
SEARCH_INDEX_WORKERS = 1
