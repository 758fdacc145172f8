"""Fixtures for the public-site tests: one media folder per module, so data built once per class keeps its photos."""

import shutil

import pytest
from django.test import override_settings


@pytest.fixture(scope="module", autouse=True)
def media_root(tmp_path_factory):
    # Overrides the per-test fixture in tests/conftest.py: photos created in setUpTestData (before
    # any per-test fixture runs) must stay readable by every test of the class, or renditions fail.
    folder = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=folder):
        yield folder
    shutil.rmtree(folder, ignore_errors=True)
