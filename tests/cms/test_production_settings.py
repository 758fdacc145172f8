"""Production settings refuse to start without their secrets (config/settings/production.py)."""

import os
import subprocess
import sys

from django.conf import settings

IMPORT_PRODUCTION = "import config.settings.production as production"


def start_production(*, then: str = "", **environment: str) -> subprocess.CompletedProcess:
    """Imports the production settings in a fresh Python with only the given secrets set."""
    inherited = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG"}}
    return subprocess.run(
        [sys.executable, "-c", f"{IMPORT_PRODUCTION}; {then}"],
        cwd=settings.BASE_DIR,
        env={**inherited, **environment},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = start_production(ALLOWED_HOSTS="mahalleh.example")
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = start_production(SECRET_KEY="a-real-secret")
    assert result.returncode != 0
    assert "ImproperlyConfigured: ALLOWED_HOSTS" in result.stderr


def test_production_starts_with_both_and_keeps_debug_off():
    result = start_production(
        then="print(production.DEBUG, production.ALLOWED_HOSTS)",
        SECRET_KEY="a-real-secret",
        ALLOWED_HOSTS="mahalleh.example",
        REDIS_URL="redis://127.0.0.1:6379/0",
        DEBUG="true",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "['mahalleh.example']"]
