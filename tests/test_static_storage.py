"""Static file URLs in production (config/static_storage.py): the manifest's hashed names, each
worked out once, and a name the manifest lacks refused every time it is asked for."""

import json

import pytest

from config.static_storage import StaticStorage


@pytest.fixture
def storage(tmp_path, settings):
    settings.DEBUG = False
    paths = {"css/site.css": "css/site.1a2b.css", "js/copy-link.js": "js/copy-link.3c4d.js"}
    manifest = {"version": "1.1", "paths": paths}
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
    return StaticStorage(location=tmp_path, base_url="/static/")


def test_each_name_has_its_hashed_url_every_time(storage):
    for _ in range(2):
        assert storage.url("css/site.css") == "/static/css/site.1a2b.css"
        assert storage.url("js/copy-link.js") == "/static/js/copy-link.3c4d.js"


def test_a_name_missing_from_the_manifest_is_refused_every_time(storage):
    for _ in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            storage.url("css/missing.css")


def test_debug_serves_the_unhashed_name_even_after_a_hashed_one(storage, settings):
    assert storage.url("css/site.css") == "/static/css/site.1a2b.css"
    settings.DEBUG = True
    assert storage.url("css/site.css") == "/static/css/site.css"
